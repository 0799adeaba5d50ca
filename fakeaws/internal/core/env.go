// Package core holds what both services' engines share: the environment an
// operation runs in, the ID source, and the SDK-shaped error helpers.
package core

import "time"

// Env is what an operation sees of the Store besides its own state: the
// time of the call (already truncated to the millisecond, as AWS stores
// times), the ID source, and the partition's account and region.
type Env struct {
	Now     time.Time
	IDs     *IDs
	Account string
	Region  string
}
