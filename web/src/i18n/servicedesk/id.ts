// Texts of the service desk (Layanan SPBE) and the inbox, in Indonesian: the console's first
// language, which defines the keys.
const id = {
  servicedesk: {
    nav: { section: 'Layanan SPBE', tickets: 'Tiket layanan', knowledge: 'Basis pengetahuan', report: 'Laporan meja layanan', staffing: 'Petugas meja layanan', inbox: 'Notifikasi' },
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
    states: { open: 'Terbuka', new: 'Baru', assigned: 'Ditugaskan', in_progress: 'Dikerjakan', pending: 'Ditunda', resolved: 'Selesai', closed: 'Ditutup' },
    events: { created: 'Dibuat', assigned: 'Diambil', state: 'Status berubah', escalated: 'Diteruskan ke Level 2', returned: 'Dikembalikan ke Level 1', redirected: 'Dialihkan ke Level 1', reopened: 'Dibuka kembali', rated: 'Dinilai', attachment: 'Lampiran ditambahkan', article: 'Dijadikan artikel basis pengetahuan', comment: 'Tanggapan', note: 'Catatan internal' },
    filters: { all: 'Semua', tier1: 'Pelayanan Level 1', tier2: 'Pelayanan Level 2', breached: 'Melewati SLA', assignedToMe: 'Ditugaskan kepada saya' },
    bulk: {
      selected: '{n} tiket dipilih', action: 'Pilih langkah', run: 'Terapkan', reason: 'Alasan penundaan', resolution: 'Penyelesaian',
      outcome: '{done} tiket diproses, {refused} ditolak (tiket di luar antrean Anda atau statusnya tidak sesuai).',
    },
    attachments: {
      title: 'Lampiran', none: 'Belum ada lampiran.', add: 'Tambah lampiran',
      hint: 'PDF, gambar (PNG, JPEG, GIF), teks, atau dokumen Office; paling besar 5 MB. Jenis berkas diperiksa dari isinya dan selalu diunduh sebagai berkas.',
    },
    kb: {
      title: 'Basis pengetahuan', subtitle: 'Artikel solusi meja layanan: catatan proses manajemen pengetahuan, sebagian ditulis dari tiket yang selesai.',
      search: 'Cari judul atau isi', searchRun: 'Cari', category: 'Kategori', visibility: 'Dapat dibaca oleh', ticket: 'Dari tiket', updated: 'Diperbarui',
      new: 'Tulis artikel', body: 'Isi (Markdown)', public: 'Semua pegawai', technicians: 'Petugas meja layanan', save: 'Simpan', cancel: 'Batal', edit: 'Ubah',
      empty: 'Belum ada artikel.', count: '{n} artikel', fromTicket: 'Jadikan artikel basis pengetahuan', fromTicketLink: 'Ditulis dari tiket {number}',
    },
    report: {
      title: 'Laporan meja layanan', subtitle: 'Tiket yang dibuka dalam periode per Perangkat Daerah dan tingkat: tingkat pelanggaran SLA dan tunggakan.',
      from: 'Dari', to: 'Sampai', show: 'Tampilkan', empty: 'Tidak ada tiket dalam periode ini.', desk: 'Meja layanan',
      breachRate: 'Tingkat pelanggaran SLA (%)', backlog: 'Tunggakan tiket terbuka', opened: 'Dibuka', resolved: 'Diselesaikan',
      backlogShort: 'Tunggakan', breached: 'Melewati SLA', rate: 'Persentase',
    },
    inbox: { title: 'Notifikasi', empty: 'Tidak ada notifikasi.', markRead: 'Tandai dibaca', unread: 'Belum dibaca' },
  },
}

export default id
