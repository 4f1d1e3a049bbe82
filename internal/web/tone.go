package web

import (
	"net/http"

	"github.com/warta-news/warta/analysis/topic"
	"github.com/warta-news/warta/internal/store"
)

// toneView is the entity page's answer to "how is the press treating X":
// the tone toward it per week (or day) between two dates, per outlet, and
// the articles most positive and most negative about it.
type toneView struct {
	From, To, By string
	*store.EntityTone
	Chart *chart // positive and negative shares per period
}

// entityTone reads the tone toward an entity for its page, from the
// page's tone_from, tone_to and tone_by parameters (weeks by default); nil
// when the store keeps no tone.
func (ui *UI) entityTone(r *http.Request, id int64, l map[string]string) (*toneView, error) {
	if ui.cfg.Tone == nil {
		return nil, nil
	}
	v := r.URL.Query()
	t := &toneView{From: v.Get("tone_from"), To: v.Get("tone_to"), By: v.Get("tone_by")}
	if t.By == "" {
		t.By = store.ByWeek
	}
	var err error
	t.EntityTone, err = ui.cfg.Tone.EntityTone(r.Context(), id, store.ToneFilter{From: t.From, To: t.To, By: t.By})
	if err != nil {
		return nil, err
	}
	if len(t.Periods) > 0 {
		t.Chart = &chart{Title: l["tone"], Format: "%.1f%%"}
		pos, neg := series{Name: l["positive"]}, series{Name: l["negative"]}
		for _, p := range t.Periods {
			t.Chart.Labels = append(t.Chart.Labels, p.Key)
			pos.Values, neg.Values = append(pos.Values, p.Positive), append(neg.Values, p.Negative)
		}
		t.Chart.Series = []series{pos, neg}
	}
	return t, nil
}

// localTopics labels the topic facet's IPTC codes in the page's language.
func localTopics(values []store.FacetValue, lang string) {
	for i, v := range values {
		if s, ok := topic.Lookup(v.Value); ok {
			values[i].Label = s.Label
			if lang == "id" {
				values[i].Label = s.Indonesian
			}
		}
	}
}
