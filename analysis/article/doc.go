// Package article turns a raw news article — plain text, a title and a body
// from a feed or a JSON record, or a web page — into its structure: title,
// section, byline, dateline, lead and body paragraphs, with page furniture
// (related links, ads, share and copyright lines, captions, credits,
// content-farm author bios) moved out of the body into Boilerplate.
//
// FromHTML reads a page in any charset: its metadata (JSON-LD, Open Graph,
// meta tags, the printed date and byline) give the headline, publication
// date with its zone, byline, section, canonical URL, site name and
// language; the furniture named by class, id, role or label in
// data/html_hints.tsv is taken out; the body comes from the outlet's body
// element on Indonesian pages, else from go-readability (a port of Mozilla's
// Readability.js); and its paragraphs go through the same cleaner as text.
//
// The rules are data: boilerplate line patterns, HTML furniture hints,
// section labels, outlet names and the head words of author bios are
// embedded text files under data/, each with a header saying where its
// entries come from.
//
// The cleaner works on paragraphs and never rewrites the words of a kept
// paragraph, with two exceptions that repair scraping damage: a source credit
// glued to the end of a sentence ("Senin (20/10/2025) dikutipdetikNews.") is
// cut out into Boilerplate, and an outlet name glued to the word before it
// ("kepadadetikSulsel") gets its space back.
package article
