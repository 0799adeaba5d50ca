package secrets

import (
	"regexp"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
)

// Filters of ListSecrets and BatchGetSecretValue (docs/aws-behaviour.md §3.5, ListSecrets).
// Several filters are ANDed; the values of one filter are ORed; a value
// starting with "!" matches when the rest does not.

const (
	maxFilters        = 10
	maxFilterValues   = 10
	maxFilterValueLen = 512
	filterKeyEnum     = "[description, name, tag-key, tag-value, primary-region, owning-service, all]" // the model's FilterNameStringType (D)
)

// filterValuePattern is the model's pattern for a filter value (D).
var filterValuePattern = regexp.MustCompile(`^\!?[a-zA-Z0-9 :_@\/\+\=\.\-\!]*$`)

// filter is one validated filter.
type filter struct {
	key    string
	values []string
}

// compileFilters checks filters as AWS does: a missing key or missing values
// are InvalidParameterException (M's texts), an unknown key or a value
// breaking the model's constraints ValidationException (D; M's text).
func compileFilters(in []types.Filter) ([]filter, error) {
	if len(in) > maxFilters {
		return nil, validation("Value at 'filters' failed to satisfy constraint: Member must have length less than or equal to %d", maxFilters)
	}
	out := make([]filter, 0, len(in))
	for i, f := range in {
		if f.Key == "" {
			return nil, invalidParam("Invalid filter key")
		}
		switch f.Key {
		case types.FilterNameStringTypeDescription, types.FilterNameStringTypeName, types.FilterNameStringTypeTagKey,
			types.FilterNameStringTypeTagValue, types.FilterNameStringTypePrimaryRegion,
			types.FilterNameStringTypeOwningService, types.FilterNameStringTypeAll:
		default:
			return nil, validation("Value '%s' at 'filters.%d.member.key' failed to satisfy constraint: Member must satisfy enum value set: %s", f.Key, i+1, filterKeyEnum)
		}
		if len(f.Values) == 0 {
			return nil, invalidParam("Invalid filter values for key: " + string(f.Key))
		}
		if len(f.Values) > maxFilterValues {
			return nil, validation("Value at 'filters.%d.member.values' failed to satisfy constraint: Member must have length less than or equal to %d", i+1, maxFilterValues)
		}
		for _, v := range f.Values {
			if len(v) > maxFilterValueLen || !filterValuePattern.MatchString(v) {
				return nil, validation("Value '[%s]' at 'filters.%d.member.values' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 512, Member must have length greater than or equal to 0, Member must satisfy regular expression pattern: %s]",
					strings.Join(f.Values, ", "), i+1, filterValuePattern.String())
			}
		}
		out = append(out, filter{key: string(f.Key), values: slices.Clone(f.Values)})
	}
	return out, nil
}

// matches reports whether sec passes every filter.
func (sec *secret) matches(filters []filter) bool {
	for _, f := range filters {
		if !sec.matchesOne(f) {
			return false
		}
	}
	return true
}

func (sec *secret) matchesOne(f filter) bool {
	var attrs []string
	words := false // word-wise, case-insensitive matching
	switch f.key {
	case "name":
		attrs = []string{sec.name}
	case "description":
		if sec.description != nil {
			attrs = []string{*sec.description}
		}
		words = true // MV: "o t" matches "one two"
	case "tag-key":
		for _, t := range sec.tags {
			attrs = append(attrs, aws.ToString(t.Key))
		}
	case "tag-value":
		for _, t := range sec.tags {
			attrs = append(attrs, aws.ToString(t.Value))
		}
	case "primary-region":
		// PrimaryRegion as ListSecrets shows it: only multi-Region secrets
		// have one (U: whether AWS matches secrets never replicated is not
		// known).
		if sec.multiRegion() {
			attrs = []string{sec.primaryRegion()}
		}
	case "all":
		attrs = []string{sec.name}
		if sec.description != nil {
			attrs = append(attrs, *sec.description)
		}
		for _, t := range sec.tags {
			attrs = append(attrs, aws.ToString(t.Key))
		}
		for _, t := range sec.tags {
			attrs = append(attrs, aws.ToString(t.Value))
		}
		words = true
	}
	// owning-service: managed secrets are not modelled, so no secret has it.
	for _, v := range f.values {
		neg := strings.HasPrefix(v, "!")
		p := strings.TrimPrefix(v, "!")
		hit := false
		for _, a := range attrs {
			if (words && wordMatch(p, a)) || (!words && strings.HasPrefix(a, p)) {
				hit = true
				break
			}
		}
		if hit != neg {
			return true
		}
	}
	return false
}

// wordMatch reports whether every word of pattern is a prefix of some word
// of value, ignoring case (MV, moto's test_list_secrets.py).
func wordMatch(pattern, value string) bool {
	pw := splitWords(pattern)
	if len(pw) == 0 {
		return false
	}
	vw := splitWords(value)
	for _, p := range pw {
		p = strings.ToLower(p)
		if !slices.ContainsFunc(vw, func(w string) bool { return strings.HasPrefix(strings.ToLower(w), p) }) {
			return false
		}
	}
	return true
}

const wordSeparators = "/-_+=.@"

// splitWords splits s into the words the "all" and "description" filters
// match (MV, as moto reproduces it): spaces separate words; within a word,
// one kind of separator of /-_+=.@ splits it (two different kinds leave it
// whole), and each part is split again before an upper-case hump
// ("MyTest" → "My", "Test").
func splitWords(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		if len(f) == 1 && strings.Contains(wordSeparators, f) {
			continue
		}
		kinds := 0
		var sep byte
		for i := 0; i < len(wordSeparators); i++ {
			if strings.IndexByte(f, wordSeparators[i]) >= 0 {
				kinds++
				sep = wordSeparators[i]
			}
		}
		switch kinds {
		case 0:
			out = append(out, splitHumps(f)...)
		case 1:
			for _, part := range strings.Split(f, string(sep)) {
				out = append(out, splitHumps(part)...)
			}
		default:
			out = append(out, f)
		}
	}
	return out
}

// splitHumps splits s before every character that is not a lower-case
// letter and is followed by one ("ABCdef" → "AB", "Cdef").
func splitHumps(s string) []string {
	var out []string
	start := 0
	for i := 1; i < len(s); i++ {
		if !isLower(s[i]) && i+1 < len(s) && isLower(s[i+1]) && i > start {
			out = append(out, s[start:i])
			start = i
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
