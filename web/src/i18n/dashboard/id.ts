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
}

export default id
