package store

import "context"

// Alerts keeps saved searches and the articles that matched them. A match
// is stored once per alert and article, so that an article stored again
// (a new version, a redelivered message) never fires twice.
type Alerts interface {
	// CreateAlert stores a new alert and returns it with its ID and
	// creation time.
	CreateAlert(ctx context.Context, a Alert) (Alert, error)
	Alerts(ctx context.Context) ([]Alert, error)
	Alert(ctx context.Context, id int64) (*Alert, error)
	// DeleteAlert removes an alert and its matches; ErrNotFound if there is
	// none.
	DeleteAlert(ctx context.Context, id int64) error
	// AddMatch records that an article matched an alert, and reports
	// whether that is new.
	AddMatch(ctx context.Context, alert, article int64) (bool, error)
	// MatchedAny reports whether the alert matched one of the articles.
	MatchedAny(ctx context.Context, alert int64, articles []int64) (bool, error)
	// Matches lists an alert's matches, the newest first.
	Matches(ctx context.Context, alert int64, p Page) ([]AlertMatch, error)
}

// Alert is a saved search. Secret signs its webhook's deliveries.
type Alert struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Query   string `json:"query"`             // as typed in the search box
	Webhook string `json:"webhook,omitempty"` // URL new matches are POSTed to
	Secret  string `json:"secret,omitempty"`  // HMAC-SHA256 key of the webhook
	Created string `json:"created"`           // RFC 3339
	Matches int    `json:"matches"`
}

// AlertMatch is an article that matched an alert.
type AlertMatch struct {
	ArticleID int64  `json:"article_id"`
	Title     string `json:"title"`
	URL       string `json:"url,omitempty"`
	Site      string `json:"site,omitempty"`
	Published string `json:"published,omitempty"`
	Lead      string `json:"lead"`
	Matched   string `json:"matched"` // RFC 3339, when it matched
}
