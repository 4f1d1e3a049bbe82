// Package amount finds the amounts of an article — money, percentages,
// counts of things and quantities — and reads Indonesian numerals, for the
// record's "amounts" (docs/record.md).
//
// It works on the shared text.Document and never re-tokenises: an amount is
// a run of tokens within one sentence. ReadNumber reads a numeral in digits
// or words with its scale words; Find reads what the numeral measures:
//
//   - money: a currency before the number (Rp1,5 triliun, Rp 500 ribu,
//     $ 11 miliar, US$3 juta, €2 miliar, S$10, USD 90 M) or after it (50
//     juta dolar AS, 500 ribu rupiah). The tokeniser splits Rp from a glued
//     number (Rp1.500.000,50 is Rp + 1.500.000,50) and $ from its prefix
//     (US$ is US + $); the abbreviated scales M and T count only after a
//     currency. The unit is the ISO 4217 code;
//   - percentages: 20 persen, 20%, 0,5 persen, with the unit %;
//   - counts: a number before a noun that news counts (1.200 orang, tiga
//     unit, ratusan warga), with the noun as the unit;
//   - quantities: a number before a unit of measure (5 ton, 12 km), with
//     the unit's symbol; a rate keeps what it is per (100 km/jam), and
//     "minus" makes it negative (minus 3 derajat: -3 °).
//
// Numerals follow Indonesian usage — a dot groups thousands, a comma marks
// decimals — and English style is read where the separators themselves say
// so (see ReadNumber). Number words combine as Indonesian builds them (dua
// puluh lima ribu, satu setengah, tiga perempat). A vague numeral (ratusan
// warga, puluhan ribu botol, jutaan rupiah) is Approximate with the range
// it covers: value 100, max 999. A range of two numbers (5-6 persen, 10
// hingga 20 warung, Rp 10-20 juta) keeps the low end as its value and the
// high end as max.
//
// What is not an amount, by design:
//
//   - a number with nothing after it that says what it measures: article
//     and law numbers (Pasal 28, Nomor 5), ranks (Brigadir Satu), phone
//     numbers, scores, Nord Stream 2;
//   - a plain four-digit number from 1900 to 2100 (2025): Indonesian writes
//     counts from a thousand with a dot (2.000 orang), so it is a year, which
//     package timex reports; after a currency (Rp2025) it is money;
//   - a date or a clock time (20/10, 14.30): the tokeniser makes them tokens
//     of their own, never fractions or decimals;
//   - a number of time units (tiga hari, 5 tahun, 1 jam 45 menit): a
//     duration, which package timex reports. Time words are in neither of
//     this package's unit lists, so the two stages never report the same
//     span;
//   - abstract nouns (tiga hal, dua langkah), multipliers (dua kali) and
//     "satu" in "salah satu";
//   - hedges are not read: sekitar 200 orang is 200 orang, not approximate.
//
// The lists are embedded data files under data/: numbers.tsv (number
// words), currencies.tsv, units.tsv (units of measure and %), nouns.txt
// (counted nouns), each with a header saying where its entries come from.
package amount
