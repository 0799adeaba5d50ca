// Package sm is the Secrets Manager engine: the secrets of one account in one
// region, their versions and staging labels, and every operation on them.
// The caller (package engine) holds the Store's lock: the write lock for
// operations that change state, the read lock for the others; anything a
// read operation updates (LastAccessedDate) is updated atomically.
//
// Secrets are kept in a map by name and a map by full ARN (a partial ARN is
// the name behind the ARN prefix), so every lookup is a map hit, and in two
// sorted indexes, by name and by creation, which ListSecrets pages through.
// A secret scheduled for deletion disappears when its recovery window has
// passed on the Store's clock: reads treat it as absent, writes purge it.
package secrets

import (
	"bytes"
	"encoding/binary"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// Reserved staging labels.
const (
	stageCurrent  = "AWSCURRENT"
	stagePrevious = "AWSPREVIOUS"
	stagePending  = "AWSPENDING"
)

// maxVersions is how many versions a secret keeps before deprecated versions
// older than versionGrace are removed (PutSecretValue and UpdateSecret docs:
// "Secrets Manager removes outdated versions when there are more than 100,
// but it does not remove versions created less than 24 hours ago").
const (
	maxVersions  = 100
	versionGrace = 24 * time.Hour
)

// State is the Secrets Manager state of one account in one region.
type State struct {
	account string
	region  string
	prefix  string // "arn:<partition>:secretsmanager:<region>:<account>:secret:"

	byName    map[string]*secret
	byARN     map[string]*secret
	names     nameIndex // names of every stored secret, sorted
	byCreated []*secret // every stored secret, by (created, order of creation)
	// createdHeads holds the first bytes of each byCreated secret's name, in
	// the same order: a name filter rejects most secrets of a walk in
	// creation order without reading them (api_op_ListSecrets.go).
	createdHeads []nameHead
	created      int64 // how many secrets were ever created here

	// Replication (api_op_Replication.go): the other partitions' states, and the
	// primaries the current write touched, pushed to their replicas by
	// AfterWrite.
	peers   func(account, region string, create bool) *State
	touched []*secret

	// delay is how long a secret whose recovery window has ended (or that
	// was deleted with ForceDeleteWithoutRecovery) stays visible before it
	// is gone (SetDeletionDelay); 0 by default.
	delay time.Duration
}

// New returns an empty state.
func New(account, region string) *State {
	return &State{
		account: account,
		region:  region,
		prefix:  core.ARN(core.PrefixSM, region, account, "secret:"),
		byName:  map[string]*secret{},
		byARN:   map[string]*secret{},
	}
}

// Ref is one secret version, as a Parameter Store reference
// (/aws/reference/secretsmanager/<id>[:selector]) reads it.
type Ref struct {
	ARN       string
	Name      string
	VersionID string
	// The value and labels are the Store's own: read them, never change or
	// keep them, and only while the caller holds the Store's lock.
	SecretString  *string
	SecretBinary  []byte
	VersionStages []string // every label on the version
	CreatedDate   time.Time
	// SourceCache holds the version's SourceResult once made, without and
	// with its labels; a change of labels clears the second.
	SourceCache *[2]atomic.Pointer[string]
}

// RefNotFound is the error Reference returns when the secret, stage or
// version does not exist (or cannot be read: deleted, no value).
type RefNotFound struct{ Reason string }

func (e *RefNotFound) Error() string { return e.Reason }

// secret is one secret with its versions.
type secret struct {
	name        string
	arn         string
	order64     int64 // creation order within the partition
	description *string
	kmsKeyID    *string // nil for the default key
	typ         *string
	tags        []types.Tag // in the order first added; keys unique
	created     time.Time
	changed     time.Time
	accessed    atomic.Int64 // day number + 1 of the last read; 0: never read
	deleted     *time.Time   // when DeleteSecret was called
	deletion    time.Time    // when the recovery window ends (deleted != nil)
	purge       time.Time    // when the secret is gone: deletion plus the State's deletion delay
	ext         *secretExt   // policy, rotation (ext.go); nil when none

	versions map[string]*version
	order    []*version // oldest first
	labels   map[string]*version
	seq      int64 // sequence number of the newest version
}

// version is one version of a secret.
type version struct {
	id       string
	seq      int64 // creation order within the secret
	str      *string
	bin      []byte
	created  time.Time
	stages   []string     // labels in the order they were attached
	accessed atomic.Int64 // day number + 1 of the last read; 0: never read
	// source caches the bridge's SourceResult of this version, without
	// ([0]) and with ([1]) its labels; setStages clears [1].
	source [2]atomic.Pointer[string]
}

// setStages replaces v's labels. Every change of a version's labels goes
// through it or attach and detach, which clear the cached SourceResult.
func (v *version) setStages(stages []string) {
	v.stages = stages
	v.source[1].Store(nil)
}

func (v *version) hasValue() bool { return v.str != nil || v.bin != nil }

func (v *version) hasStage(label string) bool { return slices.Contains(v.stages, label) }

// sameValue reports whether v holds exactly the value str or bin.
func (v *version) sameValue(str *string, bin []byte) bool {
	if (v.str != nil) != (str != nil) || (v.bin != nil) != (bin != nil) {
		return false
	}
	if str != nil {
		return *v.str == *str
	}
	return bytes.Equal(v.bin, bin)
}

// dayNumber returns t's day since the epoch, plus one (0 means never).
func dayNumber(t time.Time) int64 {
	sec := t.Unix()
	d := sec / 86400
	if sec < 0 && sec%86400 != 0 {
		d--
	}
	return d + 1
}

// dayTime turns a dayNumber back into midnight UTC, or nil for never.
func dayTime(n int64) *time.Time {
	if n == 0 {
		return nil
	}
	t := time.Unix((n-1)*86400, 0).UTC()
	return &t
}

// touch records a read of v of sec at now: LastAccessedDate, kept to the
// day, on the version and on the secret. Safe under the read lock.
func touch(sec *secret, v *version, now time.Time) {
	d := dayNumber(now)
	if v.accessed.Load() != d {
		v.accessed.Store(d)
	}
	if sec.accessed.Load() != d {
		sec.accessed.Store(d)
	}
}

// gone reports whether sec's recovery window, and the deletion delay after
// it, have passed at now.
func (sec *secret) gone(now time.Time) bool {
	return sec.deleted != nil && !now.Before(sec.purge)
}

// purging reports whether sec's recovery window has ended at now (it may
// still be visible during the deletion delay, but can no longer be
// restored).
func (sec *secret) purging(now time.Time) bool {
	return sec.deleted != nil && !now.Before(sec.deletion)
}

// SetDeletionDelay makes a secret stay visible for d after its recovery
// window ends or a forced DeleteSecret, as AWS deletes secrets in the
// background (docs/aws-behaviour.md §10.2). It
// applies to deletions made afterwards and to secrets loaded from fixtures.
func (s *State) SetDeletionDelay(d time.Duration) { s.delay = d }

// schedule marks sec deleted at deleted, its recovery window ending at end.
func (s *State) schedule(sec *secret, deleted, end time.Time) {
	sec.deleted = copyTime(deleted)
	sec.deletion = end
	sec.purge = end.Add(s.delay)
}

// lookup returns the stored secret id names (its name, full ARN or partial
// ARN), gone or not, or nil.
func (s *State) lookup(id string) *secret {
	if sec := s.byName[id]; sec != nil {
		return sec
	}
	if rest, ok := strings.CutPrefix(id, s.prefix); ok {
		if sec := s.byARN[id]; sec != nil {
			return sec
		}
		// A partial ARN: the ARN without the "-XXXXXX" suffix (docs/aws-behaviour.md §3.2, D),
		// unless it ends as a complete ARN does, in a hyphen and six
		// characters: then it is taken as a complete ARN (Guide:
		// troubleshooting, "ARN_secretnamehyphen").
		if endsLikeSuffix(rest) {
			return nil
		}
		return s.byName[rest]
	}
	return nil
}

// endsLikeSuffix reports whether name ends in a hyphen and six letters or
// digits, the form of the suffix Secrets Manager adds to an ARN.
func endsLikeSuffix(name string) bool {
	if len(name) < 7 || name[len(name)-7] != '-' {
		return false
	}
	for _, c := range []byte(name[len(name)-6:]) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// find returns the secret id names, or nil when there is none or its
// recovery window has passed. For reads: it changes nothing.
func (s *State) find(env core.Env, id string) *secret {
	sec := s.lookup(id)
	if sec == nil || sec.gone(env.Now) {
		return nil
	}
	return sec
}

// findForWrite is find for write operations: a secret whose recovery window
// has passed is purged. The write lock must be held.
func (s *State) findForWrite(env core.Env, id string) *secret {
	sec := s.lookup(id)
	if sec != nil && sec.gone(env.Now) {
		s.remove(sec)
		return nil
	}
	if sec != nil && sec.hasReplicas() {
		s.touched = append(s.touched, sec)
	}
	return sec
}

// liveForWrite finds the secret a write names: ResourceNotFoundException
// when there is none, InvalidRequestException when it is scheduled for
// deletion, InvalidParameterException when it is a replica.
func (s *State) liveForWrite(env core.Env, id string) (*secret, error) {
	sec, err := s.primaryForWrite(env, id)
	if err != nil {
		return nil, err
	}
	if sec.deleted != nil {
		return nil, errMarkedDeleted()
	}
	return sec, nil
}

// primaryForWrite finds the secret a write names, scheduled for deletion or
// not: ResourceNotFoundException when there is none,
// InvalidParameterException when it is a replica (docs/aws-behaviour.md §3.5, M).
func (s *State) primaryForWrite(env core.Env, id string) (*secret, error) {
	sec := s.findForWrite(env, id)
	if sec == nil {
		return nil, errNotFound()
	}
	if sec.replicaOf() != nil {
		return nil, errReplica()
	}
	return sec, nil
}

// createdLess orders secrets for the creation index: by CreatedDate, then
// in order of creation (so that creating secrets appends to it).
func createdLess(a *secret, t time.Time, order int64) bool {
	if !a.created.Equal(t) {
		return a.created.Before(t)
	}
	return a.order64 < order
}

// add stores a new secret in every map and index.
func (s *State) add(sec *secret) {
	s.byName[sec.name] = sec
	s.byARN[sec.arn] = sec
	s.names.Insert(sec.name)
	j := s.createdPos(sec.created, sec.order64)
	s.byCreated = slices.Insert(s.byCreated, j, sec)
	s.createdHeads = slices.Insert(s.createdHeads, j, headOf(sec.name))
}

// remove drops sec from every map and index.
func (s *State) remove(sec *secret) {
	delete(s.byName, sec.name)
	delete(s.byARN, sec.arn)
	s.names.Delete(sec.name)
	j := s.createdPos(sec.created, sec.order64)
	if j < len(s.byCreated) && s.byCreated[j] == sec {
		s.byCreated = slices.Delete(s.byCreated, j, j+1)
		s.createdHeads = slices.Delete(s.createdHeads, j, j+1)
	}
}

// createdPos returns the position of the first secret of byCreated at or
// after (t, order).
func (s *State) createdPos(t time.Time, order int64) int {
	lo, hi := 0, len(s.byCreated)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if createdLess(s.byCreated[m], t, order) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// newSecret builds a secret called name created at now, with a fresh ARN
// suffix. It is not stored yet.
func (s *State) newSecret(env core.Env, name string) *secret {
	s.created++
	return &secret{
		order64:  s.created,
		name:     name,
		arn:      s.prefix + name + "-" + env.IDs.ARNSuffix(),
		created:  env.Now,
		changed:  env.Now,
		versions: map[string]*version{},
		labels:   map[string]*version{},
	}
}

// addVersion adds a version with the given id and value (copied) to sec.
func (sec *secret) addVersion(env core.Env, id string, str *string, bin []byte) *version {
	sec.seq++
	v := &version{id: id, seq: sec.seq, created: env.Now}
	if str != nil {
		c := *str
		v.str = &c
	}
	if bin != nil {
		v.bin = bytes.Clone(bin)
	}
	sec.versions[id] = v
	sec.order = append(sec.order, v)
	return v
}

// attach puts label on v, taking it off the version that had it: a label
// is on at most one version of a secret (docs/aws-behaviour.md §3.3, D).
func (sec *secret) attach(v *version, label string) {
	holder := sec.labels[label]
	if holder == v {
		return
	}
	if holder != nil {
		sec.detach(holder, label)
	}
	v.setStages(append(v.stages, label))
	sec.labels[label] = v
}

// detach takes label off v.
func (sec *secret) detach(v *version, label string) {
	if i := slices.Index(v.stages, label); i >= 0 {
		v.setStages(slices.Delete(v.stages, i, i+1))
	}
	if sec.labels[label] == v {
		delete(sec.labels, label)
	}
}

// makeCurrent moves AWSCURRENT to v. The former holder loses AWSCURRENT and
// gains AWSPREVIOUS, the former AWSPREVIOUS holder loses it, and every other
// label stays where it is (docs/aws-behaviour.md §3.3, D; MV: AWSPENDING stays on the new
// current). When no version holds AWSCURRENT, it is simply attached
// (docs/aws-behaviour.md §3.5; moto issue #9451).
func (sec *secret) makeCurrent(v *version) {
	old := sec.labels[stageCurrent]
	if old == v {
		return
	}
	if old != nil {
		sec.detach(old, stageCurrent)
		sec.attach(old, stagePrevious)
	}
	sec.attach(v, stageCurrent)
}

// prune removes the oldest deprecated (unlabelled) versions created more
// than versionGrace before now while the secret has more than maxVersions
// versions. Labelled versions are never removed (docs/aws-behaviour.md §3.3, D).
func (sec *secret) prune(now time.Time) {
	if len(sec.order) <= maxVersions {
		return
	}
	keep := sec.order[:0]
	excess := len(sec.order) - maxVersions
	for _, v := range sec.order {
		if excess > 0 && len(v.stages) == 0 && !v.created.After(now.Add(-versionGrace)) {
			delete(sec.versions, v.id)
			excess--
			continue
		}
		keep = append(keep, v)
	}
	clear(sec.order[len(keep):])
	sec.order = keep
}

// versionPos returns the position in sec.order of the first version whose
// sequence number is greater than seq.
func (sec *secret) versionPos(seq int64) int {
	i, _ := slices.BinarySearchFunc(sec.order, seq+1, func(v *version, t int64) int {
		switch {
		case v.seq < t:
			return -1
		case v.seq > t:
			return 1
		}
		return 0
	})
	return i
}

// copyStages returns a fresh copy of stages, never nil.
func copyStages(stages []string) []string {
	return append(make([]string, 0, len(stages)), stages...)
}

// copyTags returns a deep copy of tags: nil for a secret that never had
// tags, empty (sent as "Tags": []) for one whose tags were all removed
// (docs/aws-behaviour.md §3.5; LocalStack's AWS-validated snapshot of
// test_secret_tags).
func copyTags(tags []types.Tag) []types.Tag {
	if tags == nil {
		return nil
	}
	out := make([]types.Tag, len(tags))
	for i, t := range tags {
		out[i] = types.Tag{Key: copyStr(t.Key), Value: copyStr(t.Value)}
	}
	return out
}

func copyStr(p *string) *string {
	if p == nil {
		return nil
	}
	c := *p
	return &c
}

func copyTime(t time.Time) *time.Time { return &t }

// versionsToStages maps every labelled version to a copy of its labels, or
// returns nil when no version has a label (deprecated versions are left
// out: docs/aws-behaviour.md §3.3, D).
func (sec *secret) versionsToStages() map[string][]string {
	var m map[string][]string
	for _, v := range sec.order {
		if len(v.stages) == 0 {
			continue
		}
		if m == nil {
			m = map[string][]string{}
		}
		m[v.id] = copyStages(v.stages)
	}
	return m
}

// ARNOf returns the full ARN of the secret id names (its name, full or
// partial ARN), or false when there is none. The read lock must be held.
func (s *State) ARNOf(id string) (string, bool) {
	if sec := s.lookup(id); sec != nil {
		return sec.arn, true
	}
	return "", false
}

// nameHead is the first 8 bytes of a name, zero-padded, read as a
// little-endian number: one comparison tells whether the name can begin
// with a prefix (names hold no zero bytes).
type nameHead uint64

func headOf(name string) nameHead {
	var b [8]byte
	copy(b[:], name)
	return nameHead(binary.LittleEndian.Uint64(b[:]))
}

// headPattern matches the heads of the names that can begin with a prefix:
// its first 8 bytes, or all of it when shorter.
type headPattern struct{ want, mask uint64 }

func patternOf(prefix string) headPattern {
	n := min(len(prefix), 8)
	mask := ^uint64(0) >> (64 - 8*n) // n == 0: a shift by 64 gives 0
	return headPattern{uint64(headOf(prefix[:n])) & mask, mask}
}

// mayHavePrefix reports whether a name beginning with h can begin with the
// prefix of p.
func (p headPattern) mayHavePrefix(h nameHead) bool { return uint64(h)&p.mask == p.want }

// ResourceARN is the ARN access policies match for the secret id names:
// the secret's full ARN when there is one; otherwise an ARN as given, and a
// name's ARN with "-??????" for the suffix it would have (so a policy on
// <name>-?????? lets the call through to AWS's ResourceNotFoundException;
// what AWS matches for a missing secret is not known). The lock must be
// held.
func (s *State) ResourceARN(id string) string {
	if sec := s.lookup(id); sec != nil {
		return sec.arn
	}
	if strings.HasPrefix(id, "arn:") {
		return id
	}
	return s.prefix + id + "-??????"
}
