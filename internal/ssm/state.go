// Package ssm is the Parameter Store engine: the parameters of one account in
// one region, their versions, labels and tags, every operation on them, and
// the /aws/reference/secretsmanager/ bridge, which reads the Secrets Manager
// state of the same partition under the same lock.
package ssm

import "github.com/fakeaws/fakeaws-go/internal/sm"

// State is the Parameter Store state of one account in one region.
type State struct {
	account string
	region  string
	secrets *sm.State
}

// New returns an empty state whose references read secrets.
func New(account, region string, secrets *sm.State) *State {
	return &State{account: account, region: region, secrets: secrets}
}
