// Texts of the service desk (Layanan SPBE) and the inbox, in Indonesian: the console's first
// language, which defines the keys.
const id = {
  servicedesk: {
    nav: { section: 'Layanan SPBE', tickets: 'Tiket layanan', staffing: 'Petugas meja layanan', inbox: 'Notifikasi' },
    title: 'Tiket layanan',
    subtitle: 'Keluhan, gangguan, masalah, permintaan dan perubahan Layanan SPBE, ditangani sesuai regulasi daerah.',
    ticket: 'Tiket',
    tabs: { mine: 'Tiket saya', queue: 'Antrean', all: 'Semua yang terlihat' },
    newTicket: 'Buat tiket',
    fields: {
      number: 'Nomor', title: 'Judul', type: 'Jenis', priority: 'Prioritas', state: 'Status', tier: 'Tingkat', agency: 'Perangkat Daerah',
      assignee: 'Petugas', urgency: 'Urgensi', impact: 'Dampak', description: 'Uraian', created: 'Dibuat', level2: 'Ajukan langsung ke Pelayanan Level 2',
    },
    open: 'Kirim',
    redirected: 'Tiket diteruskan ke Pelayanan Level 1 Perangkat Daerah Anda sesuai {citation}.',
    sla: { title: 'Waktu layanan (SLA)', own: 'Waktu menanggapi', resolve: 'Waktu menyelesaikan', minutes: '{used} dari {target} menit kerja', breached: 'Melewati batas', paused: 'Jeda: tiket ditunda' },
    timeline: 'Riwayat',
    internal: 'Catatan internal',
    send: 'Kirim tanggapan',
    actions: {
      assign: 'Ambil tiket', start: 'Mulai kerjakan', pend: 'Tunda', resume: 'Lanjutkan', resolve: 'Selesaikan', close: 'Tutup', reopen: 'Buka kembali',
      escalate: 'Teruskan ke Pelayanan Level 2', return: 'Kembalikan ke Level 1', rate: 'Beri penilaian',
    },
    escalateNote: 'Apa yang sudah dicoba di Level 1?',
    escalateRule: 'Langkah ini tercatat dengan dasar hukum {citation}.',
    note: 'Catatan',
    score: 'Nilai (1-5)',
    empty: 'Belum ada tiket.',
    staffing: {
      title: 'Petugas meja layanan',
      subtitle: 'Setiap Perangkat Daerah dan petugasnya menurut ketentuan regulasi daerah.',
      level1: 'Pelayanan Level 1 / meja layanan',
      level2: 'Pelayanan Level 2',
      desk: 'Unit dan SOP',
      report: 'Laporan terakhir',
      staffed: 'Memenuhi ketentuan',
      notStaffed: 'Belum memenuhi',
    },
    inbox: { title: 'Notifikasi', empty: 'Tidak ada notifikasi.', markRead: 'Tandai dibaca', unread: 'Belum dibaca' },
  },
}

export default id
