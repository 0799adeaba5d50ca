// Package ssm is the Parameter Store engine: the parameters of one account in
// one region, their versions, labels and tags, every operation on them, and
// the /aws/reference/secretsmanager/ bridge, which reads the Secrets Manager
// state of the same partition under the same lock.
//
// The caller (package engine) holds the Store's lock: the write lock for
// operations that change state, the read lock for the others. Read
// operations change nothing.
//
// Parameters are kept in a map by key (the name, with the leading slash of a
// single-level name dropped, so that /P and P are one parameter) and in a
// sorted index of their names as stored, which every listing pages through.
package paramstore

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// State is the Parameter Store state of one account in one region.
type State struct {
	account   string
	region    string
	arnPrefix string // core.ParameterARNPrefix(region, account)
	user      string // lastModifiedUser(account), shared by every version
	secrets   *secrets.State

	params map[string]*param // by key(name)
	index  index             // stored names, sorted

	settings map[string]*setting // customized service settings, by path

	sourceDate string // layout of SourceResult's createdDate; "": SourceDate2021
}

// New returns an empty state whose references read secrets.
func New(account, region string, sm *secrets.State) *State {
	return &State{account: account, region: region, arnPrefix: core.ParameterARNPrefix(region, account),
		user: lastModifiedUser(region, account), secrets: sm, params: map[string]*param{}}
}

// param is one parameter: its name as given at creation, its retained
// versions (oldest first, at most maxVersions) and its tags.
type param struct {
	name     string
	arn      string // made once: every answer shows it
	versions []*version
	tags     []types.Tag // in the order first added; keys unique
	policy   *resourcePolicy
}

// version is one version of a parameter. Fields left out of an overwrite
// are inherited from the previous version when it is created.
type version struct {
	version        int64
	typ            types.ParameterType
	value          string
	description    string
	keyID          string // SecureString only
	allowedPattern string
	dataType       string
	tier           types.ParameterTier
	policies       string
	labels         []string
	modified       time.Time
	user           string
}

// latest returns the newest version.
func (p *param) latest() *version { return p.versions[len(p.versions)-1] }

// find returns the retained version n, or nil.
func (p *param) find(n int64) *version {
	// Versions are consecutive: the oldest retained one is first.
	first := p.versions[0].version
	if n < first || n > p.latest().version {
		return nil
	}
	return p.versions[n-first]
}

// findLabel returns the version that carries label, or nil.
func (p *param) findLabel(label string) *version {
	for _, v := range p.versions {
		for _, l := range v.labels {
			if l == label {
				return v
			}
		}
	}
	return nil
}

// lookup returns the parameter called name (either spelling of a
// single-level name), or nil.
func (s *State) lookup(name string) *param { return s.params[key(name)] }
