package text

import _ "embed"

// StopwordsFile is the stopwords-iso Indonesian list (MIT), one word a
// line; its header says where it comes from. The search index drops these
// words, and the topic and summary stages read only the words that are not
// on it (analysis/internal/words).
//
//go:embed data/stopwords-id.txt
var StopwordsFile string
