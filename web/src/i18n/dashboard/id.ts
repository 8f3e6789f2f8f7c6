// Texts of the dashboard (Beranda), in Indonesian: the console's first language, which defines the
// keys.
const id = {
  dashboard: {
    nav: {
      home: 'Beranda',
    },
    title: 'Beranda',
    subtitle: 'Ringkasan penyelenggaraan SPBE {name}.',
    agencies: 'Perangkat Daerah',
    users: 'Pengguna',
    teams: 'Tim',
    rules: 'Ketentuan regulasi',
    rulesHint: 'ketentuan dalam profil regulasi',
    recentActivity: 'Aktivitas terbaru',
    activityNoPermission: 'Peran Anda tidak mencakup membaca jejak audit, sehingga aktivitas terbaru tidak ditampilkan.',
    recentActivityEmpty: 'Belum ada aktivitas tercatat.',
    allActivity: 'Lihat semua jejak audit',
    notYet: 'Belum tersedia',
    notYetText: 'Belum tersedia — modul {module} akan mengisi angka ini.',
    teamFill: 'Keterisian tim menurut regulasi',
    teamFillHint: 'Jumlah anggota tiap tim dibandingkan jumlah minimum jabatan yang diatur regulasi.',
    teamFillMembers: 'Anggota',
    teamFillMinimum: 'Minimum menurut regulasi',
    teamFillEmpty: 'Belum ada tim.',
    teamFillTable: 'Data grafik keterisian tim',
  },
  tasks: {
    title: 'Tugas saya',
    hint: 'Yang menunggu tindakan Anda: rekomendasi untuk diputuskan, permohonan akses untuk direkomendasikan atau diputuskan, dan temuan Perangkat Daerah Anda yang jatuh tempo dalam dua minggu.',
    empty: 'Tidak ada yang menunggu tindakan Anda saat ini.',
    noPermission: 'Peran Anda tidak mencakup rekomendasi, permohonan akses, atau temuan kepatuhan, sehingga daftar ini kosong.',
    dueOn: 'tenggat {date}',
    kind: { recommendation: 'Rekomendasi', request: 'Permohonan akses', finding: 'Temuan' },
  },
  start: {
    title: 'Mulai di sini',
    hint: 'Urutan yang biasa ditempuh Dinas Kominfo saat menyiapkan Simpul. Setiap langkah membuka halamannya.',
    steps: {
      agencies: 'Perangkat Daerah: periksa daftar dan kode singkat setiap PD.',
      users: 'Pengguna: buat akun dan berikan peran sesuai tugas (operator PD, penelaah, asesor, …).',
      teams: 'Tim: isi jabatan Tim Koordinasi SPBE dan tim lain yang diatur regulasi.',
      architecture: 'Arsitektur SPBE: impor atau isi elemen enam domain, lalu tetapkan versinya.',
      applications: 'Aplikasi SPBE: daftarkan aplikasi, ajukan rekomendasi, lewati uji kelaikan.',
      gateway: 'Penghubung Layanan: daftarkan layanan dan putuskan permohonan akses.',
      evaluation: 'Evaluasi SPBE: buat periode tahun ini; Tim Asesor terisi dari tim evaluasi.',
    },
    glossary: 'Istilah',
    terms: {
      spbe: 'SPBE — Sistem Pemerintahan Berbasis Elektronik: penyelenggaraan pemerintahan yang memanfaatkan TIK.',
      pd: 'PD — Perangkat Daerah: dinas, badan, sekretariat, kecamatan dan unsur lain Pemda.',
      walidata: 'Wali Data — PD yang bertanggung jawab atas data sektoralnya.',
      spl: 'SPL — Sistem Penghubung Layanan: gateway tempat layanan antar-PD saling bertukar data.',
      tenant: 'Kode tenant — nama singkat Pemda di Simpul (misalnya balikpapan), dipakai saat masuk.',
    },
  },
}

export default id
