package fakeaws

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/fakeaws/fakeaws-go/fakeaws/fixture"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// Snapshot is a copy of a Store's whole state at one moment (parameters,
// secrets, versions, labels, stages, tags). Restore brings it back.
type Snapshot struct {
	state fixture.State
}

// Snapshot copies the Store's whole state. Later changes to the Store do not
// change the snapshot.
func (s *Store) Snapshot() *Snapshot {
	return &Snapshot{state: s.eng.Export()}
}

// Restore replaces the Store's state with snap's. Clients made before keep
// working and see the restored state. The call log, faults and rotation
// functions are left as they are.
func (s *Store) Restore(snap *Snapshot) error {
	if snap == nil {
		return fmt.Errorf("fakeaws: Restore of a nil snapshot")
	}
	return s.eng.Import(core.DeepCopy(snap.state))
}

// Reset empties the Store (every account and region) and its call log.
// Faults and rotation functions stay registered; ClearFaults removes them.
func (s *Store) Reset() {
	s.eng.Reset()
	s.eng.ClearCalls()
}

// Dump writes the Store's whole state to w as indented JSON: partitions
// (account, region), parameters with their versions and labels, secrets with
// their versions and stages, tags. Load reads it back.
func (s *Store) Dump(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(s.eng.Export())
}

// Load replaces the Store's state with the JSON state read from r (the form
// Dump writes; fields left out take their defaults). Every entry is checked
// first: on any error nothing is loaded, and the error names the offending
// entry. Unknown fields are errors, so a misspelt field is not ignored.
func (s *Store) Load(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("fakeaws: load: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var st fixture.State
	if err := dec.Decode(&st); err != nil {
		return fmt.Errorf("fakeaws: load: %w", err)
	}
	if err := s.eng.Import(st); err != nil {
		return fmt.Errorf("fakeaws: load: %w", err)
	}
	return nil
}
