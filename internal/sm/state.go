// Package sm is the Secrets Manager engine: the secrets of one account in one
// region, their versions and staging labels, and every operation on them.
// The caller (package engine) holds the Store's lock: the write lock for
// operations that change state, the read lock for the others; anything a
// read operation updates (LastAccessedDate) is updated atomically.
package sm

import "time"

// State is the Secrets Manager state of one account in one region.
type State struct {
	account string
	region  string
}

// New returns an empty state.
func New(account, region string) *State {
	return &State{account: account, region: region}
}

// Ref is one secret version, as a Parameter Store reference
// (/aws/reference/secretsmanager/<id>[:selector]) reads it.
type Ref struct {
	ARN           string
	Name          string
	VersionID     string
	SecretString  *string
	SecretBinary  []byte   // a copy
	VersionStages []string // every label on the version, a copy
	CreatedDate   time.Time
}

// RefNotFound is the error Reference returns when the secret, stage or
// version does not exist (or cannot be read: deleted, no value).
type RefNotFound struct{ Reason string }

func (e *RefNotFound) Error() string { return e.Reason }
