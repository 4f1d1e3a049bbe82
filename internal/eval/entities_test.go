package eval

import (
	"strings"
	"testing"
)

func TestCountIdentity(t *testing.T) {
	records := strings.Join([]string{
		`{"id":"a","entities":[{"id":"E1","name":"Prabowo Subianto","type":"PER","mentions":[{"text":"Prabowo Subianto"}]},{"id":"E2","name":"Prabowo","type":"PER","mentions":[{"text":"Prabowo"}]}]}`,
		`{"id":"b","entities":[{"id":"E1","name":"Prabowo Subianto","type":"PER","mentions":[{"text":"Prabowo"}]},{"id":"E2","name":"Listyo Sigit Prabowo","type":"PER","mentions":[{"text":"Listyo"}]},{"id":"E3","name":"Prabowo","type":"PER","mentions":[{"text":"Prabowo"}]}]}`,
		`{"id":"c","entities":[{"id":"E1","name":"Komisi Pemberantasan Korupsi","type":"ORG","mentions":[{"text":"Komisi Pemberantasan Korupsi"}]},{"id":"E2","name":"KPK","type":"ORG","mentions":[{"text":"KPK"}]}]}`,
		`{"id":"d","entities":[{"id":"E1","name":"Joko Widodo","type":"PER","mentions":[{"text":"Joko Widodo"},{"text":"Jokowi"},{"text":"Prabowo"}]},{"id":"E2","name":"Muhaimin Iskandar","type":"PER","mentions":[{"text":"Cak Imin"}]},{"id":"E3","name":"Saifullah Yusuf","type":"PER","roles":["Menteri Sosial"],"mentions":[{"text":"Mensos"}]},{"id":"E4","name":"Budi Gunawan","type":"PER","roles":["Menteri Sosial"],"mentions":[{"text":"Menkeu"}]}]}`,
		`{"id":"e","entities":[{"id":"E1","name":"Prabowo Puji Jokowi","type":"PER","mentions":[{"text":"Prabowo Puji Jokowi"}]},{"id":"E2","name":"Prabowo","type":"PER","mentions":[{"text":"Prabowo"}]},{"id":"E3","name":"Jokowi","type":"PER","mentions":[{"text":"Jokowi"}]}]}`,
	}, "\n")
	c, err := CountIdentity(strings.NewReader(records))
	if err != nil {
		t.Fatal(err)
	}
	// a: Prabowo / Prabowo Subianto; b: none (Prabowo fits two names);
	// c: KPK; e: Prabowo and Jokowi each inside the glued name.
	if len(c.Splits) != 4 {
		t.Errorf("splits %q, want 4", c.Splits)
	}
	// d: Prabowo inside Joko Widodo (Jokowi and Cak Imin are short forms,
	// Mensos the title of Saifullah Yusuf's office), and Menkeu, the title
	// of an office Budi Gunawan does not hold; e: the glued name holds two
	// persons.
	if len(c.Merges) != 3 {
		t.Errorf("merges %q, want 3", c.Merges)
	}
}
