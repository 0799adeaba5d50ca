package core

import (
	crand "crypto/rand"
	"encoding/binary"
	"math/rand/v2"
	"sync"

	"github.com/google/uuid"
)

// IDs is the source of every identifier a Store hands out: version IDs,
// ARN suffixes, request IDs and random passwords. Scripted values, when
// given, are used first, in order; after them (or without them) the values
// come from a ChaCha8 generator, seeded for repeatable runs or from the
// operating system's randomness. Safe for concurrent use.
type IDs struct {
	mu         sync.Mutex
	rng        *rand.ChaCha8
	versionIDs []string
	suffixes   []string
}

// NewIDs returns an ID source. With seeded set, the sequence of IDs depends
// only on seed; otherwise it is random.
func NewIDs(seeded bool, seed uint64, versionIDs, suffixes []string) *IDs {
	var key [32]byte
	if seeded {
		binary.LittleEndian.PutUint64(key[:], seed)
	} else {
		_, _ = crand.Read(key[:])
	}
	return &IDs{
		rng:        rand.NewChaCha8(key),
		versionIDs: append([]string(nil), versionIDs...),
		suffixes:   append([]string(nil), suffixes...),
	}
}

// uuidLocked returns a random UUID version 4 drawn from the generator.
func (s *IDs) uuidLocked() string {
	var b [16]byte
	_, _ = s.rng.Read(b[:])
	b[6] = (b[6] & 0x0f) | 0x40 // version 4
	b[8] = (b[8] & 0x3f) | 0x80 // RFC 4122 variant
	return uuid.UUID(b).String()
}

// VersionID returns the next secret version ID (a UUIDv4 unless scripted).
func (s *IDs) VersionID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.versionIDs) > 0 {
		id := s.versionIDs[0]
		s.versionIDs = s.versionIDs[1:]
		return id
	}
	return s.uuidLocked()
}

// RequestID returns a request ID for an answer (a UUIDv4, as AWS sends).
func (s *IDs) RequestID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.uuidLocked()
}

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// ARNSuffix returns the next secret ARN suffix: six alphanumerics unless
// scripted.
func (s *IDs) ARNSuffix() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.suffixes) > 0 {
		x := s.suffixes[0]
		s.suffixes = s.suffixes[1:]
		return x
	}
	var b [6]byte
	for i := range b {
		b[i] = alnum[s.intnLocked(len(alnum))]
	}
	return string(b[:])
}

func (s *IDs) intnLocked(n int) int {
	return int(rand.New(s.rng).Uint64N(uint64(n)))
}

// Pick returns len(out) characters drawn uniformly from alphabet into out.
func (s *IDs) Pick(alphabet string, out []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := rand.New(s.rng)
	for i := range out {
		out[i] = alphabet[r.IntN(len(alphabet))]
	}
}

// Shuffle permutes b in place.
func (s *IDs) Shuffle(b []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rand.New(s.rng).Shuffle(len(b), func(i, j int) { b[i], b[j] = b[j], b[i] })
}
