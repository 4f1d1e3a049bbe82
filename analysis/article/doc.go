// Package article turns a raw news article — plain text, or a title and a
// body from a feed or a JSON record — into its structure: title, section,
// byline, dateline, lead and body paragraphs, with page furniture (related
// links, ads, share and copyright lines, captions, credits, content-farm
// author bios) moved out of the body into Boilerplate.
//
// The rules are data: boilerplate line patterns, section labels, outlet names
// and the head words of author bios are embedded text files under data/, each
// with a header saying where its entries come from.
//
// The cleaner works on paragraphs and never rewrites the words of a kept
// paragraph, with two exceptions that repair scraping damage: a source credit
// glued to the end of a sentence ("Senin (20/10/2025) dikutipdetikNews.") is
// cut out into Boilerplate, and an outlet name glued to the word before it
// ("kepadadetikSulsel") gets its space back.
package article
