package engine

import (
	"fmt"
	"sort"
	"strings"

	"github.com/fakeaws/fakeaws-go/fakeaws/fixture"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// Export returns the whole state, partitions sorted by account and region.
func (e *Engine) Export() fixture.State {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.exportLocked()
}

func (e *Engine) exportLocked() fixture.State {
	var st fixture.State
	for _, p := range e.parts {
		fp := fixture.Partition{Account: p.Account, Region: p.Region, Parameters: p.SSM.Export(), Secrets: p.SM.Export()}
		if settings := p.SSM.Settings(); len(settings) > 0 {
			fp.ServiceSettings = settings
		}
		if len(fp.Parameters) == 0 && len(fp.Secrets) == 0 && len(fp.ServiceSettings) == 0 {
			continue
		}
		st.Partitions = append(st.Partitions, fp)
	}
	sort.Slice(st.Partitions, func(i, j int) bool {
		a, b := st.Partitions[i], st.Partitions[j]
		if a.Account != b.Account {
			return a.Account < b.Account
		}
		return a.Region < b.Region
	})
	return st
}

// Import replaces the whole state with st. Every entry is checked first;
// on any error nothing changes and the error names the offending entry.
// Clients keep working: their partitions are refilled in place.
func (e *Engine) Import(st fixture.State) error {
	type built struct {
		key     partKey
		secrets *secrets.State
		params  *paramstore.State
	}
	seen := map[partKey]bool{}
	var all []built
	for i, fp := range st.Partitions {
		if fp.Account == "" || fp.Region == "" {
			return fmt.Errorf("partition %d: account and region are required", i)
		}
		k := partKey{fp.Account, fp.Region}
		if seen[k] {
			return fmt.Errorf("partition %d: account %s, region %s appears twice", i, fp.Account, fp.Region)
		}
		seen[k] = true
		sm, err := secrets.Import(fp.Account, fp.Region, e.ids, fp.Secrets)
		if err != nil {
			return fmt.Errorf("account %s, region %s: %w", fp.Account, fp.Region, err)
		}
		params, err := paramstore.Import(fp.Account, fp.Region, sm, fp.Parameters)
		if err != nil {
			return fmt.Errorf("account %s, region %s: %w", fp.Account, fp.Region, err)
		}
		if err := params.SetSettings(fp.ServiceSettings, e.now()); err != nil {
			return fmt.Errorf("account %s, region %s: service settings: %w", fp.Account, fp.Region, err)
		}
		all = append(all, built{k, sm, params})
	}
	// A replica's primary is a primary: no chains, no loops (two secrets
	// naming each other as primary), across partitions.
	primaryOf := map[string]string{} // replica ARN → its primary's ARN
	for _, b := range all {
		for _, l := range b.secrets.Replicas() {
			primaryOf[l.ARN] = l.PrimaryARN
		}
	}
	for _, b := range all {
		for _, l := range b.secrets.Replicas() {
			next, chained := primaryOf[l.PrimaryARN]
			if !chained {
				continue
			}
			path := []string{l.ARN, l.PrimaryARN}
			for cur := next; len(path) <= len(primaryOf); cur = primaryOf[cur] {
				path = append(path, cur)
				if cur == l.ARN {
					return fmt.Errorf("account %s, region %s: secret %q: replication loops: %s", b.key.account, b.key.region, l.Name, strings.Join(path, " → "))
				}
				if _, ok := primaryOf[cur]; !ok {
					break
				}
			}
			return fmt.Errorf("account %s, region %s: secret %q: its primary %s is itself a replica of %s", b.key.account, b.key.region, l.Name, l.PrimaryARN, next)
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	// Empty every partition, then fill those the fixture names.
	for k, p := range e.parts {
		if !seen[k] {
			fresh := secrets.New(k.account, k.region)
			p.SM.ReplaceWith(fresh)
			p.SSM.ReplaceWith(paramstore.New(k.account, k.region, p.SM))
		}
	}
	for _, b := range all {
		p := e.parts[b.key]
		if p == nil {
			p = e.newPartition(b.key)
		}
		p.SM.ReplaceWith(b.secrets)
		// The parameters were built to read b.secrets; p.SSM keeps reading
		// p.SM, which now holds the same contents.
		p.SSM.ReplaceWith(b.params)
	}
	return nil
}

// Reset empties every partition in place.
func (e *Engine) Reset() {
	e.mu.Lock()
	defer e.mu.Unlock()
	for k, p := range e.parts {
		p.SM.ReplaceWith(secrets.New(k.account, k.region))
		p.SSM.ReplaceWith(paramstore.New(k.account, k.region, p.SM))
	}
}
