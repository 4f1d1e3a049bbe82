package nb

// ContrastList is the Malay–Indonesian word list that training counts
// (langid/data/id-ms.tsv). Package langid embeds it, beside the model it
// shaped, and sets it when it is initialised.
var ContrastList string
