package timex

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis/amount"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/internal/shared"
)

var sampleFlag = flag.Bool("sample", false, "TestDetik: write a new random sample to "+samplePath+" with judgement ?, printing each expression in context to stdout for judging")

// samplePath is the judged sample of the detik evaluation. It holds
// article ids, byte offsets into the normalised title + "\n\n" + body, the
// values found and the judgement — never the publisher's text.
const samplePath = "testdata/detik_sample.tsv"

// perKind is the size of the judged sample of each kind.
const perKind = 100

// minPrecision is the precision each kind's judged sample must keep: a new
// sample judged worse fails.
var minPrecision = map[string]float64{"date": 0.9, "amount": 0.9, "duration": 0.9}

// found is one expression found in a detik article.
type found struct {
	kind       string // date, amount or duration
	article    string // the article's id
	start, end int    // byte offsets into the document's text
	value      string
}

func (f found) key() string { return fmt.Sprintf("%s\t%s\t%d\t%d", f.kind, f.article, f.start, f.end) }

// TestDetik runs timex and amount over the 700 detik-news articles,
// reports how many expressions of each kind they find, checks that no two
// overlap, and checks the
// judged random sample in testdata/detik_sample.tsv: every sampled
// expression must still be found with the value that was judged, and each
// kind's judged precision must stay above minPrecision. With -sample it
// draws a new sample instead, to be judged by reading.
func TestDetik(t *testing.T) {
	arts, docs, pubs := detikDocs(t)
	var all []found
	counts := map[string]int{}
	for i, d := range docs {
		dates, durs := Find(d, pubs[i])
		amounts := amount.Find(d)
		if x, y, ok := overlap(dates, durs, amounts); ok {
			t.Errorf("article %s: %q overlaps %q", arts[i].ID, x, y)
		}
		for _, x := range dates {
			all = append(all, found{"date", arts[i].ID, x.Start, x.End, dateValue(x)})
			counts["date "+string(x.Granularity)]++
			if x.Value == "" {
				counts["date null"]++
			}
		}
		for _, x := range durs {
			all = append(all, found{"duration", arts[i].ID, x.Start, x.End, strconv.FormatFloat(x.Seconds, 'f', -1, 64)})
		}
		for _, x := range amounts {
			all = append(all, found{"amount", arts[i].ID, x.Start, x.End, amountValue(x)})
			counts["amount "+string(x.Kind)]++
		}
	}
	for _, f := range all {
		counts[f.kind]++
	}
	var keys []string
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%-17s %5d", k, counts[k])
	}
	if *sampleFlag {
		writeSample(t, all, arts, docs)
		return
	}

	byKey := make(map[string]string, len(all))
	for _, f := range all {
		byKey[f.key()] = f.value
	}
	rows := readSample(t)
	if len(rows) == 0 {
		t.Fatal("the judged sample is empty")
	}
	ok, total := map[string]int{}, map[string]int{}
	for _, r := range rows {
		got, present := byKey[r.key()]
		switch {
		case !present:
			t.Errorf("%s: no longer found; draw and judge a new sample (go test -run TestDetik -sample)", r.key())
		case got != r.value:
			t.Errorf("%s: now %q, judged %q; draw and judge a new sample", r.key(), got, r.value)
		}
		total[r.kind]++
		switch r.judgement {
		case "ok":
			ok[r.kind]++
		case "wrong":
		default:
			t.Errorf("%s: judgement %q is neither ok nor wrong", r.key(), r.judgement)
		}
	}
	for kind, n := range total {
		p := float64(ok[kind]) / float64(n)
		t.Logf("precision %-8s %d/%d = %.2f", kind, ok[kind], n, p)
		if p < minPrecision[kind] {
			t.Errorf("judged precision of %s %.2f is below %.2f", kind, p, minPrecision[kind])
		}
	}
}

// sampleRow is a row of the judged sample.
type sampleRow struct {
	found
	judgement, note string
}

func readSample(t *testing.T) []sampleRow {
	f, err := os.Open(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []sampleRow
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) < 6 {
			t.Fatalf("%s: short row %q", samplePath, line)
		}
		start, err1 := strconv.Atoi(c[2])
		end, err2 := strconv.Atoi(c[3])
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: bad offsets in %q", samplePath, line)
		}
		r := sampleRow{found: found{c[0], c[1], start, end, c[4]}, judgement: c[5]}
		if len(c) > 6 {
			r.note = c[6]
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// writeSample draws perKind expressions of each kind at random (a fixed
// seed, so a sample can be drawn again), writes them to samplePath with
// judgement ?, and prints each in its context for the judge. The context
// goes to the terminal only: the publisher's text is never written to the
// project.
func writeSample(t *testing.T, all []found, arts []shared.Article, docs []*text.Document) {
	byID := map[string]int{}
	for i, a := range arts {
		byID[a.ID] = i
	}
	r := rand.New(rand.NewSource(6))
	var picked []found
	for _, kind := range []string{"date", "amount", "duration"} {
		var of []found
		for _, f := range all {
			if f.kind == kind {
				of = append(of, f)
			}
		}
		r.Shuffle(len(of), func(i, j int) { of[i], of[j] = of[j], of[i] })
		picked = append(picked, of[:min(perKind, len(of))]...)
	}
	var b strings.Builder
	b.WriteString(sampleHeader)
	for _, f := range picked {
		fmt.Fprintf(&b, "%s\t%s\t?\n", f.key(), f.value)
		d := docs[byID[f.article]]
		lo, hi := max(0, f.start-80), min(len(d.Text), f.end+40)
		for lo > 0 && d.Text[lo]&0xC0 == 0x80 {
			lo--
		}
		for hi < len(d.Text) && d.Text[hi]&0xC0 == 0x80 {
			hi++
		}
		fmt.Printf("%s\t%s\t(published %s)\n\t%q\n", f.key(), f.value, arts[byID[f.article]].Published,
			d.Text[lo:f.start]+"[["+d.Text[f.start:f.end]+"]]"+d.Text[f.end:hi])
	}
	if err := os.WriteFile(samplePath, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d rows to %s", len(picked), samplePath)
}

const sampleHeader = `# A random sample of the dates, amounts and durations that timex and amount
# find in the 700 detik-news articles (../shared/data/detik-news), judged by
# reading each in its article. Only ids, offsets, values and judgements are
# kept here, never the publisher's text; TestDetik re-reads the articles and
# checks that every row is still found with the same value.
#
# Columns: kind, article id, start and end (byte offsets into
# text.Normalize(title + "\n\n" + body)), the value found (a date's value
# ..end_value or null; an amount's value, unit, kind, ~ when approximate and
# ..max; a duration's seconds), the judgement (ok: a real expression of that
# kind with the right value; wrong: not one, or a wrong value) and a note
# saying what is wrong, or what was fixed after judging (such rows overstate
# precision). Draw a new sample with go test -run TestDetik -sample.
`

func dateValue(d Date) string {
	v := d.Value
	if v == "" {
		v = "null"
	}
	if d.EndValue != "" {
		v += ".." + d.EndValue
	}
	return v
}

func amountValue(a amount.Amount) string {
	s := fmt.Sprintf("%s %s %s", strconv.FormatFloat(a.Value, 'f', -1, 64), a.Unit, a.Kind)
	if a.Approximate {
		s += " ~"
	}
	if a.Max != 0 {
		s += " .." + strconv.FormatFloat(a.Max, 'f', -1, 64)
	}
	return s
}
