// Package timex finds the dates, times and durations of an article and
// normalises the dates against its published date, for the record's
// "dates" and "durations" (docs/record.md).
//
// It works on the shared text.Document and never re-tokenises: an
// expression is a run of tokens within one sentence. Numerals are read with
// amount.ReadNumber, so dua puluh, setengah and 1,5 mean the same here as
// in amounts.
//
// Dates, each with the granularity of what it says:
//
//   - absolute: 20 Oktober 2025, Senin (20/10/2025), Selasa malam
//     (23/9/2025), 20/10 (in brackets or after pada, tanggal, sejak ...),
//     tahun 1951, Oktober 2025, Pemilu 2024 (four digits from 1900 to 2100
//     stand for a year);
//   - relative: hari Rabu, Rabu lalu, Rabu depan, kemarin, lusa, hari ini,
//     pekan lalu (an ISO week: 2025-W42), dua hari lalu, sebulan lalu, tiga
//     hari lagi, bulan depan, Juli tahun lalu, awal Juni, pertengahan tahun,
//     akhir tahun ini;
//   - times: pukul 14.30 WIB, pukul 7 malam, 08.30 Wita, pukul 19.00 waktu
//     setempat (no offset), GMT and UTC; a time right after a day joins it
//     (Senin (20/10/2025) pukul 14.30 WIB);
//   - ranges: 20-22 Oktober, Senin hingga Rabu, Januari-Agustus 2025,
//     2020-2024, pukul 15.30-18.00 WIB, with EndValue.
//
// Resolution against the published date:
//
//   - without one, every expression that needs it (a relative date, a
//     weekday, a month or a day without a year, a lone time) keeps an empty
//     Value, printed as null: it is never guessed;
//   - a weekday or a month without a year resolves to the nearest one on or
//     before the published date, unless the words after it (depan,
//     mendatang) or the tense of the sentence before it (akan, dijadwalkan,
//     diperkirakan ...) point forward; lalu and kemarin make a weekday
//     strictly earlier, ini puts it in the published week;
//   - a day and month without a year (20 Oktober, Senin (27/10)) take the
//     year in which the weekday written with them falls on that day, else
//     the year that puts them nearest the published date;
//   - a time written alone (pukul 16.00 WIB) falls on the last day the
//     paragraph named, else on the published day; without a zone it takes
//     the published date's offset.
//
// Durations: 1 jam 45 menit (6300 s), setengah jam, tiga hari, dua pekan,
// enam bulan, 1,5 tahun, sepekan, satu jam setengah; a month counts 30 days
// and a year 365. A range (2-3 hari) counts its low end.
//
// Dates and durations never overlap, and neither overlaps an amount: a
// number of time units is a duration (tiga hari), never a count of "hari",
// unless lalu, silam or lagi make it a date (tiga hari lalu); lima tahun
// mendatang is a duration. Not reported: a law's number and year (UU Nomor
// 1 Tahun 2023, UUD 1945), vague spans (beberapa hari lalu, puluhan
// tahun, akhir pekan alone), periods that recur (setiap akhir tahun), month
// names inside a person's name (Raja Juli Antoni), and an hour count ago
// (tiga jam lalu) when the published date has no time of day.
//
// Month and weekday names, time units and the other words dates are made
// of are embedded data files under data/, each with a header saying where
// its entries come from.
package timex
