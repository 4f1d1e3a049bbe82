package article

import (
	"testing"
	"time"
)

func TestFindPrintedDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // in its own zone, or read in WIB; "" for no date
	}{
		{"Kamis, 5 November 2015 14:56 WIB", "2015-11-05T14:56:00+07:00"},
		{"Senin, 20 Okt 2025 16:42 WIB", "2025-10-20T16:42:00+07:00"},
		{"Senin, 20 Oktober 2025 | 15:30 WITA", "2025-10-20T15:30:00+08:00"},
		{"Rabu, 22 Oktober 2025 09:15 WIT", "2025-10-22T09:15:00+09:00"},
		{"Kompas.com - 21/10/2025, 14:56 WIB", "2025-10-21T14:56:00+07:00"},
		{"Selasa, 08/03/2016 10:15 WIB", "2016-03-08T10:15:00+07:00"},
		{"Senin 20 Oct 2025 14:56 WIB", "2025-10-20T14:56:00+07:00"},
		{"22 Oktober 2025 | 11.05 WIB", "2025-10-22T11:05:00+07:00"},
		{"Minggu, 15 Juli 2012 - 19:05 wib", "2012-07-15T19:05:00+07:00"},
		{"Diperbarui 3 Agt 2024, pukul 08.00 WIB", "2024-08-03T08:00:00+07:00"},
		{"Mon, October 20, 2025 • 08:15 am", "2025-10-20T08:15:00+07:00"},
		{"October 20, 2025 2:05 pm GMT+7", "2025-10-20T14:05:00+07:00"},
		{"24 Nov 2018, 18:02 WIB", "2018-11-24T18:02:00+07:00"},
		{"Jumat, 1 Maret 2024", "2024-03-01"},
		{"31 November 2024 10:00 WIB", ""}, // no such day
		{"pukul 14.00 WIB", ""},
		{"Rp 1.500.000", ""},
		{"Harga naik 20 persen pada 2025", ""},
	}
	for _, tt := range tests {
		p, ok := findPrintedDate(tt.in)
		got := ""
		if ok && p.hasZone {
			got = p.format(nil)
		} else if ok {
			got = p.format(wib)
		}
		if got != tt.want {
			t.Errorf("findPrintedDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseMachineDate(t *testing.T) {
	tests := []struct {
		in, want string // stamp formatted with no zone of its own in WIB
	}{
		{"2025-10-20T16:42:13+07:00", "2025-10-20T16:42:13+07:00"},
		{"2025-10-22T04:05:00.000Z", "2025-10-22T04:05:00Z"},
		{"2025-10-20T16:42:13+0800", "2025-10-20T16:42:13+08:00"},
		{"2025/10/20 16:42:13", "2025-10-20T16:42:13+07:00"},
		{"2025-10-21 14:56:12", "2025-10-21T14:56:12+07:00"},
		{"Mon, 20 Oct 2025 16:42:13 +0700", "2025-10-20T16:42:13+07:00"},
		{"Mon, 20 Oct 2025 16:42:13 WIB", "2025-10-20T16:42:13+07:00"},
		{"2025-10-20", "2025-10-20"},
		{"20251020", "2025-10-20"},
		{"kemarin", ""},
		{"1800-01-01", ""},
	}
	for _, tt := range tests {
		st, ok := parseMachineDate(tt.in)
		got := ""
		if ok {
			got = st.format(wib)
			if st.hasZone {
				got = st.format(nil)
			}
		}
		if got != tt.want {
			t.Errorf("parseMachineDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStampFormat(t *testing.T) {
	noZone := stamp{t: time.Date(2025, 10, 20, 16, 42, 0, 0, time.UTC), hasTime: true}
	if got := noZone.format(nil); got != "2025-10-20" {
		t.Errorf("a time without a zone and no local zone = %q, want the date alone", got)
	}
	utc := stamp{t: time.Date(2025, 10, 20, 20, 0, 0, 0, time.UTC), hasTime: true, hasZone: true}
	if got := utc.format(wita); got != "2025-10-21T04:00:00+08:00" {
		t.Errorf("UTC evening in WITA = %q: the calendar date must move", got)
	}
}
