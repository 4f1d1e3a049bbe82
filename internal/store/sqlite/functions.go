package sqlite

import "github.com/ncruces/go-sqlite3"

// RegisterFunctions adds the SQL functions the store's views and queries
// use (record_json) to a connection opened outside the Store, such as a
// benchmark's read-only one.
func RegisterFunctions(c *sqlite3.Conn) error {
	codec, err := newRecordCodec()
	if err != nil {
		return err
	}
	return registerRecordJSON(c, codec)
}
