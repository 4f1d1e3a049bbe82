package web

import "net/http"

// The UI speaks Indonesian; English labels are one click away (?lang=en,
// kept in a cookie). Article text, names and quotes are shown as written.
var labels = map[string]map[string]string{
	"id": {
		"dashboard": "Beranda", "search": "Cari", "entities": "Tokoh & lembaga", "quotes": "Kutipan",
		"events": "Peristiwa", "sources": "Sumber", "alerts": "Peringatan", "latest": "Artikel terbaru",
		"mentioned": "Paling banyak disebut", "quoted": "Paling banyak dikutip", "trending": "Sedang naik daun",
		"day": "Hari ini", "week": "Pekan ini", "articles": "artikel", "results": "hasil", "about": "sekitar",
		"sort": "Urutkan", "relevance": "Relevansi", "date": "Tanggal", "compare": "Bandingkan dengan",
		"attention": "Perhatian dari waktu ke waktu", "perday": "Artikel per hari", "daysampled": "diperkirakan dari sampel hasil", "tonesampled": "diperkirakan dari sampel artikel:", "share": "Bagian dari semua artikel (%)",
		"export": "Ekspor", "sampled": "Dihitung dari hasil terbaru:", "facets": "Saring", "site": "Situs", "section": "Rubrik", "entity": "Entitas",
		"speaker": "Pembicara", "type": "Jenis", "from": "Dari", "to": "Sampai", "none": "Belum ada.",
		"aliases": "Nama lain", "roles": "Jabatan", "country": "Negara", "mentionsovertime": "Penyebutan dari waktu ke waktu",
		"comentioned": "Disebut bersama", "shareofvoice": "Porsi pemberitaan", "sourceactor": "Peristiwa dengan pelaku ini",
		"text": "Teks", "save": "Simpan", "name": "Nama", "query": "Kueri", "webhook": "Webhook (opsional)",
		"delete": "Hapus", "matches": "kecocokan", "feed": "Umpan Atom", "boilerplate": "Bagian yang disisihkan",
		"versions": "Versi", "diff": "Perbedaan", "source": "Sumber asli", "prev": "← sebelumnya", "next": "berikutnya →",
		"help": "Pintasan papan ketik", "lang": "English", "langcode": "en", "usual": "biasanya", "health": "Kesehatan sumber",
		"pair": "Pasangan negara", "months": "Peristiwa per bulan", "list": "Daftar", "secret": "Rahasia penanda tangan",
		"dates": "Tanggal", "amounts": "Jumlah", "saved": "Peringatan disimpan.", "copies": "Salinan dan cerita yang sama",
		"summary": "Ringkasan", "topics": "Topik",
		"original": "Asli", "copyof": "Artikel ini salinan dari", "copydiff": "Perbedaan dengan aslinya", "headline": "Judul",
		"kept": "kalimat sama", "added": "ditambahkan", "removed": "dihapus", "changed": "diubah",
		"credited": "menyebut sumbernya", "uncredited": "tanpa menyebut sumber", "sharedsentences": "kalimat yang sama",
		"tone": "Nada pemberitaan", "positive": "Positif", "negative": "Negatif", "score": "Skor", "per": "Per",
		"toneweek": "pekan", "toneday": "hari", "mostpositive": "Artikel paling positif", "mostnegative": "Artikel paling negatif",
		"topic": "Topik",
		"story": "Cerita ini pertama diterbitkan sebagai", "reports": "laporan terpisah", "report": "laporan terpisah", "copycount": "salinan", "copyone": "salinan",
		"rel.copies": "menyalin artikel ini", "rel.copied": "aslinya", "rel.copy": "salinan dari artikel yang sama",
		"rel.translates": "menerjemahkan artikel ini", "rel.translated": "sumber terjemahannya", "rel.same_story": "cerita yang sama",
		"aligned": "Kutipan yang bersesuaian",
	},
	"en": {
		"dashboard": "Dashboard", "search": "Search", "entities": "People & organisations", "quotes": "Quotes",
		"events": "Events", "sources": "Sources", "alerts": "Alerts", "latest": "Latest articles",
		"mentioned": "Most mentioned", "quoted": "Most quoted", "trending": "Trending now",
		"day": "Today", "week": "This week", "articles": "articles", "results": "results", "about": "about",
		"sort": "Sort", "relevance": "Relevance", "date": "Date", "compare": "Compare with",
		"attention": "Attention over time", "perday": "Articles per day", "daysampled": "estimated from a sample of the hits", "tonesampled": "estimated from a sample of articles:", "share": "Share of all articles (%)",
		"export": "Export", "sampled": "Counted over the newest hits:", "facets": "Refine", "site": "Site", "section": "Section", "entity": "Entity",
		"speaker": "Speaker", "type": "Type", "from": "From", "to": "To", "none": "None yet.",
		"aliases": "Aliases", "roles": "Roles", "country": "Country", "mentionsovertime": "Mentions over time",
		"comentioned": "Mentioned with", "shareofvoice": "Share of voice", "sourceactor": "Events with this actor",
		"text": "Text", "save": "Save", "name": "Name", "query": "Query", "webhook": "Webhook (optional)",
		"delete": "Delete", "matches": "matches", "feed": "Atom feed", "boilerplate": "Removed furniture",
		"versions": "Versions", "diff": "Differences", "source": "Original", "prev": "← previous", "next": "next →",
		"help": "Keyboard shortcuts", "lang": "Bahasa Indonesia", "langcode": "id", "usual": "usually", "health": "Source health",
		"pair": "Country pair", "months": "Events per month", "list": "List", "secret": "Signing secret",
		"dates": "Dates", "amounts": "Amounts", "saved": "Alert saved.", "copies": "Copies and the same story",
		"summary": "Summary", "topics": "Topics",
		"original": "Original", "copyof": "This article copies", "copydiff": "Differences from the original", "headline": "Headline",
		"kept": "sentences kept", "added": "added", "removed": "removed", "changed": "changed",
		"credited": "credits its source", "uncredited": "no credit", "sharedsentences": "shared sentences",
		"tone": "Tone in the press", "positive": "Positive", "negative": "Negative", "score": "Score", "per": "Per",
		"toneweek": "week", "toneday": "day", "mostpositive": "Most positive articles", "mostnegative": "Most negative articles",
		"topic": "Topic",
		"story": "This story was first published as", "reports": "independent reports", "report": "independent report", "copycount": "copies", "copyone": "copy",
		"rel.copies": "copies this article", "rel.copied": "its original", "rel.copy": "copy of the same original",
		"rel.translates": "translates this article", "rel.translated": "the source it translates", "rel.same_story": "same story",
		"aligned": "Quotes aligned",
	},
}

// language picks the UI's language: ?lang= (remembered in a cookie), the
// cookie, else Indonesian.
func language(w http.ResponseWriter, r *http.Request) string {
	if l := r.URL.Query().Get("lang"); labels[l] != nil {
		http.SetCookie(w, &http.Cookie{Name: "lang", Value: l, Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode, HttpOnly: true})
		return l
	}
	if c, err := r.Cookie("lang"); err == nil && labels[c.Value] != nil {
		return c.Value
	}
	return "id"
}
