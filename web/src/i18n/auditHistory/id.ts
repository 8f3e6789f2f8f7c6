// Texts of an object's audit history (application and element pages), in Indonesian: the console's
// first language, which defines the keys.
const id = {
  auditHistory: {
    title: 'Riwayat audit',
    hint: 'Program audit TIK yang mencakup objek ini dan temuan audit tentangnya, terbaru di atas.',
    programmes: 'Program audit',
    findings: 'Temuan audit',
    noProgrammes: 'Belum ada program audit yang mencakup objek ini.',
    noFindings: 'Tidak ada temuan audit tentang objek ini.',
    type: 'Jenis audit',
    programme: 'Program',
    dates: 'Pelaksanaan',
    reportDate: 'Laporan {date}',
    planned: 'Rencana {date}',
    started: 'Dimulai {date}',
    state: 'Tahap',
    auditor: 'Auditor',
    imported: 'Riwayat impor',
    importedHint: 'Dibuat dari tanggal audit terakhir yang tercatat pada data aplikasi sebelum audit dicatat di Simpul.',
    severityLabel: 'Tingkat',
    finding: 'Temuan',
    dueDate: 'Batas tindak lanjut',
    followUp: 'Tindak lanjut',
    overdue: 'Terlambat',
    viaControl: 'Melalui kontrol keamanan',
    kind: { eksternal: 'Audit TIK', internal: 'Audit internal' },
    steps: { direncanakan: 'Direncanakan', dimulai: 'Dimulai', laporan_diterima: 'Laporan diterima', ditutup: 'Ditutup' },
    severity: { rendah: 'Rendah', sedang: 'Sedang', tinggi: 'Tinggi' },
    followUpState: {
      terbuka: 'Belum ditindaklanjuti',
      ditindaklanjuti: 'Ditindaklanjuti {date}',
      terverifikasi: 'Terverifikasi {date}',
    },
  },
}

export default id
