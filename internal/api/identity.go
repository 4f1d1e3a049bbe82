package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
)

// refReader gives the store-wide ref of each entity of an article.
type refReader interface {
	EntityRefs(ctx context.Context, article int64) (map[string]int64, error)
}

func (a *API) listOffices(w http.ResponseWriter, r *http.Request) {
	offices, err := a.cfg.Identities.Offices(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"offices": offices})
}

// withRefs returns the record with each entity's store-wide ref as "ref",
// the id /api/v1/entities/{ref} serves; the record is otherwise as
// stored, byte for byte.
func withRefs(record json.RawMessage, refs map[string]int64) (json.RawMessage, error) {
	if len(refs) == 0 {
		return record, nil
	}
	start, end, err := memberSpan(record, "entities")
	if err != nil || start < 0 {
		return record, err
	}
	var ents []json.RawMessage
	if err := json.Unmarshal(record[start:end], &ents); err != nil {
		return nil, fmt.Errorf("record entities: %w", err)
	}
	var b bytes.Buffer
	b.Write(record[:start])
	b.WriteByte('[')
	for i, e := range ents {
		if i > 0 {
			b.WriteByte(',')
		}
		var id struct{ ID string }
		if err := json.Unmarshal(e, &id); err != nil {
			return nil, fmt.Errorf("record entity: %w", err)
		}
		ref, ok := refs[id.ID]
		e = bytes.TrimSpace(e)
		if !ok || len(e) < 2 || e[0] != '{' {
			b.Write(e)
			continue
		}
		b.WriteString(`{"ref":` + strconv.FormatInt(ref, 10))
		if rest := bytes.TrimSpace(e[1:]); len(rest) > 0 && rest[0] != '}' {
			b.WriteByte(',')
		}
		b.Write(e[1:])
	}
	b.WriteByte(']')
	b.Write(record[end:])
	return b.Bytes(), nil
}

// memberSpan returns where the value of the top-level member name of a
// JSON object starts and ends, or -1 when there is none.
func memberSpan(obj []byte, name string) (start, end int, err error) {
	dec := json.NewDecoder(bytes.NewReader(obj))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return -1, -1, fmt.Errorf("record: not an object")
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return -1, -1, fmt.Errorf("record: %w", err)
		}
		key, _ := t.(string)
		var v json.RawMessage
		before := dec.InputOffset()
		if err := dec.Decode(&v); err != nil && err != io.EOF {
			return -1, -1, fmt.Errorf("record: %w", err)
		}
		if key == name {
			after := int(dec.InputOffset())
			// InputOffset before the value points at the ':' or space.
			s := int(before) + bytes.IndexAny(obj[before:after], "[{\"tfn0123456789-")
			return s, after, nil
		}
	}
	return -1, -1, nil
}
