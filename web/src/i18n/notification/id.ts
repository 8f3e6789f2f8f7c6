// Texts of the notification preference, in Indonesian: the console's first language.
const id = {
  notifications: {
    settings: {
      title: 'Pengaturan notifikasi',
      open: 'Pengaturan notifikasi',
      intro: 'Semua notifikasi selalu masuk ke kotak Notifikasi. Di sini Anda memilih cara surel dikirim kepada Anda. Pengaturan ini hanya berlaku untuk akun Anda sendiri.',
      email: 'Surel',
      immediate: 'Segera, satu surel untuk setiap notifikasi',
      daily: 'Ringkasan harian, satu surel sehari',
      none: 'Tanpa surel, cukup di aplikasi',
      summaries: 'Ringkasan harian dari modul',
      summariesHelp: 'Misalnya ringkasan harian antrean meja layanan bagi petugas.',
      emailOff: 'Pengiriman surel belum diatur oleh operator; pilihan surel akan berlaku setelah diatur.',
      save: 'Simpan',
      saved: 'Pengaturan notifikasi disimpan.',
      updated: 'Terakhir diubah {at}',
      back: 'Kembali ke Notifikasi',
    },
    inbox: { openLink: 'Buka' },
  },
}

export default id
