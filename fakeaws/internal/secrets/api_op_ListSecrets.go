package secrets

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// ListSecrets declares Secrets Manager's ListSecrets.
var ListSecrets = &op[secretsmanager.ListSecretsInput, secretsmanager.ListSecretsOutput]{
	Op:  action("ListSecrets"),
	Run: (*State).ListSecrets,
}

// defaultListPage is ListSecrets's page size without MaxResults (the
// model's maximum; AWS's default is not documented, U).
const defaultListPage = 100

// listing is one validated listing request.
type listing struct {
	filters []filter
	planned bool // include secrets scheduled for deletion
	sortBy  types.SortByType
	order   types.SortOrderType
	limit   int
	after   *cursor // resume after this key
}

// cursor is a position in a sorted listing: the sort key, then the order
// of creation (creation-date sort) or the name (other sorts) to break ties.
type cursor struct {
	key   int64
	order int64
	name  string
}

func (c cursor) less(d cursor) bool {
	if c.key != d.key {
		return c.key < d.key
	}
	if c.order != d.order {
		return c.order < d.order
	}
	return c.name < d.name
}

// sortKey returns sec's key for by at now (the name sort uses the name
// alone, key 0). Times are compared in milliseconds, LastAccessedDate by day.
func (sec *secret) sortKey(by types.SortByType) cursor {
	switch by {
	case types.SortByTypeCreatedDate:
		return cursor{key: sec.created.UnixMilli(), order: sec.order64}
	case types.SortByTypeLastChangedDate:
		return cursor{key: sec.changed.UnixMilli(), name: sec.name}
	case types.SortByTypeLastAccessedDate:
		return cursor{key: sec.accessed.Load(), name: sec.name}
	}
	return cursor{name: sec.name}
}

// parseListing validates the paging, sorting and filter members shared by
// ListSecrets and BatchGetSecretValue.
func parseListing(filters []types.Filter, maxResults *int32, max, def int, token *string,
	sortBy types.SortByType, order types.SortOrderType) (*listing, error) {
	l := &listing{sortBy: sortBy, order: order, limit: def}
	if maxResults != nil {
		if m := int64(*maxResults); m < 1 || m > int64(max) {
			return nil, outOfRange(m, "maxResults", 1, int64(max))
		}
		l.limit = int(*maxResults)
	}
	switch l.sortBy {
	case "":
		l.sortBy = types.SortByTypeCreatedDate // D: "If not specified, secrets are listed by CreatedDate"
	case types.SortByTypeCreatedDate, types.SortByTypeLastAccessedDate, types.SortByTypeLastChangedDate, types.SortByTypeName:
	default:
		return nil, validation("Value '%s' at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set: [created-date, last-accessed-date, last-changed-date, name]", l.sortBy)
	}
	switch l.order {
	case "":
		l.order = types.SortOrderTypeAsc // U: AWS's default direction is not documented
	case types.SortOrderTypeAsc, types.SortOrderTypeDesc:
	default:
		return nil, validation("Value '%s' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum value set: [asc, desc]", l.order)
	}
	var err error
	if l.filters, err = compileFilters(filters); err != nil {
		return nil, err
	}
	if token != nil {
		parts, err := decodeToken("s", *token, 5)
		if err != nil {
			return nil, err
		}
		if parts[0] != string(l.sortBy) || parts[1] != string(l.order) {
			return nil, errBadNextToken()
		}
		k, err := decodeInt(parts[2])
		if err != nil {
			return nil, err
		}
		o, err := decodeInt(parts[3])
		if err != nil {
			return nil, err
		}
		l.after = &cursor{key: k, order: o, name: parts[4]}
	}
	return l, nil
}

// page returns one page of the secrets l selects, in l's order, and the
// token of the next page (nil when no further secret matches). Name and
// creation order walk the sorted indexes from the token's key; the other
// orders sort the matching secrets first. It changes nothing.
func (s *State) page(env core.Env, l *listing) ([]*secret, *string) {
	keep := func(sec *secret) bool {
		return !sec.gone(env.Now) && (sec.deleted == nil || l.planned) && sec.matches(l.filters)
	}
	var n int
	var at func(int) *secret
	var heads []headPattern // with a walk in creation order: a name filter's prefixes, checked on createdHeads first
	lo, hi := 0, -1         // with hi >= 0: the span of the name index a name filter allows
	cands, narrow := []*secret(nil), false
	if l.sortBy == types.SortByTypeName {
		lo, hi = s.nameSpan(l.filters)
	} else {
		cands, narrow = s.nameCandidates(l.filters, l.limit)
	}
	switch {
	case !narrow && l.sortBy == types.SortByTypeName:
		n, at = s.names.Len(), func(i int) *secret { return s.byName[s.names.At(i)] }
	case !narrow && l.sortBy == types.SortByTypeCreatedDate:
		n, at = len(s.byCreated), func(i int) *secret { return s.byCreated[i] }
		for _, p := range namePrefixes(l.filters) {
			heads = append(heads, patternOf(p))
		}
	default:
		if !narrow {
			cands = s.byCreated
		}
		var all []*secret
		for _, sec := range cands {
			if keep(sec) {
				all = append(all, sec)
			}
		}
		slices.SortFunc(all, func(a, b *secret) int {
			ka, kb := a.sortKey(l.sortBy), b.sortKey(l.sortBy)
			switch {
			case ka.less(kb):
				return -1
			case kb.less(ka):
				return 1
			}
			return 0
		})
		n, at = len(all), func(i int) *secret { return all[i] }
	}
	// first is the position of the first secret whose key is not below
	// the cursor.
	first := func(c cursor) int {
		lo, hi := 0, n
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if at(m).sortKey(l.sortBy).less(c) {
				lo = m + 1
			} else {
				hi = m
			}
		}
		return lo
	}
	i, step := 0, 1
	if l.order == types.SortOrderTypeDesc {
		i, step = n-1, -1
	}
	if l.after != nil {
		if step > 0 {
			i = first(l.after.next()) // strictly after
		} else {
			i = first(*l.after) - 1 // strictly before
		}
	}
	if hi >= 0 { // walk only the names the filter allows
		if step > 0 {
			i, n = max(i, lo), hi
		} else {
			i = min(i, hi-1)
		}
	}
	var out []*secret
	for ; i >= lo && i < n; i += step {
		if heads != nil {
			if i = seekHead(s.createdHeads, heads, i, step); i < 0 || i >= len(s.createdHeads) {
				break
			}
		}
		sec := at(i)
		if !keep(sec) {
			continue
		}
		if len(out) == l.limit {
			last := out[len(out)-1].sortKey(l.sortBy)
			return out, encodeToken("s", string(l.sortBy), string(l.order), strconv.FormatInt(last.key, 10), strconv.FormatInt(last.order, 10), last.name)
		}
		out = append(out, sec)
	}
	return out, nil
}

// seekHead returns the first position from i on, going by step (1 or -1),
// whose head can begin with one of the prefixes of ps: -1 or len(heads) when
// there is none. A loop of its own, on the heads alone, because with one
// match in a hundred names it is most of a page's work.
func seekHead(heads []nameHead, ps []headPattern, i, step int) int {
	if len(ps) == 1 {
		p := ps[0]
		for ; i >= 0 && i < len(heads); i += step {
			if p.mayHavePrefix(heads[i]) {
				return i
			}
		}
		return i
	}
	for ; i >= 0 && i < len(heads); i += step {
		for _, p := range ps {
			if p.mayHavePrefix(heads[i]) {
				return i
			}
		}
	}
	return i
}

// ListSecrets lists the secrets of the partition (docs/aws-behaviour.md §3.5): sorted by
// SortBy (default created-date) in SortOrder (default asc, U), filtered,
// without secrets scheduled for deletion unless IncludePlannedDeletion,
// MaxResults 1–100 per page. Each entry is DescribeSecret's metadata with
// SecretVersionsToStages. Values are never listed.
func (s *State) ListSecrets(env core.Env, in *secretsmanager.ListSecretsInput) (*secretsmanager.ListSecretsOutput, error) {
	l, err := parseListing(in.Filters, in.MaxResults, 100, defaultListPage, in.NextToken, in.SortBy, in.SortOrder)
	if err != nil {
		return nil, err
	}
	l.planned = aws.ToBool(in.IncludePlannedDeletion)
	secs, next := s.page(env, l)
	out := &secretsmanager.ListSecretsOutput{SecretList: make([]types.SecretListEntry, len(secs)), NextToken: next}
	for i, sec := range secs {
		out.SecretList[i] = sec.entry()
	}
	return out, nil
}

// nameSpan returns the span [lo, hi) of the name index that holds every
// name a name filter without negations allows, or (0, -1) when there is no
// such filter.
func (s *State) nameSpan(filters []filter) (lo, hi int) {
	lo, hi = 0, -1
	for _, f := range filters {
		if f.key != "name" || slices.ContainsFunc(f.values, func(v string) bool { return strings.HasPrefix(v, "!") }) {
			continue
		}
		flo, fhi := s.names.Len(), 0
		for _, p := range f.values {
			plo := s.names.Search(p)
			phi := plo + sort.Search(s.names.Len()-plo, func(i int) bool { return !strings.HasPrefix(s.names.At(plo+i), p) })
			if phi > plo {
				flo, fhi = min(flo, plo), max(fhi, phi)
			}
		}
		if fhi <= flo {
			return 0, 0 // nothing matches
		}
		if hi < 0 {
			lo, hi = flo, fhi
		} else {
			lo, hi = max(lo, flo), min(hi, fhi)
		}
	}
	if hi >= 0 && hi < lo {
		hi = lo
	}
	return lo, hi
}

// namePrefixes returns the prefixes of a name filter without negations, or
// nil when there is none.
func namePrefixes(filters []filter) []string {
	for _, f := range filters {
		if f.key == "name" && !slices.ContainsFunc(f.values, func(v string) bool { return strings.HasPrefix(v, "!") }) {
			return f.values
		}
	}
	return nil
}

// nameCandidates returns the secrets whose names begin with one of the
// prefixes of a name filter without negations, found by binary search in the
// name index, when sorting those few is cheaper than walking an index in
// another order to fill a page of limit: with k of n secrets matching, a
// walk passes about limit·n/k secrets, so when k² < limit·n.
func (s *State) nameCandidates(filters []filter, limit int) ([]*secret, bool) {
	for _, f := range filters {
		if f.key != "name" || slices.ContainsFunc(f.values, func(v string) bool { return strings.HasPrefix(v, "!") }) {
			continue
		}
		type span struct{ lo, hi int }
		var spans []span
		total := 0
		for _, p := range f.values {
			lo := s.names.Search(p)
			hi := lo + sort.Search(s.names.Len()-lo, func(i int) bool { return !strings.HasPrefix(s.names.At(lo+i), p) })
			spans = append(spans, span{lo, hi})
			total += hi - lo
		}
		if total*total >= (limit+1)*s.names.Len() {
			return nil, false
		}
		slices.SortFunc(spans, func(a, b span) int { return a.lo - b.lo })
		var out []*secret
		next := 0 // names before next are taken
		for _, sp := range spans {
			for i := max(sp.lo, next); i < sp.hi; i++ {
				out = append(out, s.byName[s.names.At(i)])
			}
			next = max(next, sp.hi)
		}
		return out, true
	}
	return nil, false
}

// next returns the smallest cursor after c: names hold no NUL, so
// name+"\x00" is below every longer name that follows name.
func (c cursor) next() cursor {
	if c.name == "" {
		c.order++ // creation-date cursors carry no name
		return c
	}
	c.name += "\x00"
	return c
}
