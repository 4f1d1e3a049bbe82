package lineage

// DiffVersions compares two versions of one article sentence by sentence,
// as a copy is compared with its original: the reader's version diff.
func DiffVersions(older, newer []byte) (*Diff, error) {
	o, err := FromRecord(0, older)
	if err != nil {
		return nil, err
	}
	n, err := FromRecord(0, newer)
	if err != nil {
		return nil, err
	}
	return diff(o, n), nil
}
