package api

import "net/http"

func (a *API) stats(w http.ResponseWriter, r *http.Request) {
	st, err := a.cfg.Stats.Stats(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}
