package paramstore

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// DescribeParameters declares Parameter Store's DescribeParameters.
var DescribeParameters = &op[ssm.DescribeParametersInput, ssm.DescribeParametersOutput]{
	Op:       action("DescribeParameters"),
	Validate: validateDescribeParametersInput,
	Run:      (*State).DescribeParameters,
}

// describeDefault is the page size of DescribeParameters without
// MaxResults (U: AWS documents only the range 1–50; moto pages by 10).
const describeDefault = 10

// filterKeyPattern is the model's pattern for a ParameterStringFilter key
// (docs/aws-behaviour.md §2.6, M; DataType added as AWS accepts it, D).
var filterKeyPattern = regexp.MustCompile(`^(tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType)$`)

// describeFilter is a checked DescribeParameters filter.
type describeFilter struct {
	key    string // Name, Type, KeyId, Path, Tier, DataType or tag:<k>
	option string // Equals, BeginsWith, Contains, OneLevel, Recursive
	values []string
}

// checkStructure applies the model's constraints to ParameterFilters and
// reports every failure in one message, as AWS's model validation does
// (docs/aws-behaviour.md §2.6; moto's shape, with AWS's usual single quotes, U).
func checkStructure(fs []types.ParameterStringFilter) error {
	var msgs []string
	for i, f := range fs {
		at := func(field string) string { return fmt.Sprintf("'parameterFilters.%d.member.%s'", i+1, field) }
		k := aws.ToString(f.Key)
		if utf8.RuneCountInString(k) > 132 {
			msgs = append(msgs, fmt.Sprintf("Value '%s' at %s failed to satisfy constraint: Member must have length less than or equal to 132", k, at("key")))
		}
		if !filterKeyPattern.MatchString(k) {
			msgs = append(msgs, fmt.Sprintf("Value '%s' at %s failed to satisfy constraint: Member must satisfy regular expression pattern: tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType", k, at("key")))
		}
		if o := aws.ToString(f.Option); utf8.RuneCountInString(o) > 10 {
			msgs = append(msgs, fmt.Sprintf("Value '%s' at %s failed to satisfy constraint: Member must have length less than or equal to 10", o, at("option")))
		}
		if len(f.Values) > 50 {
			msgs = append(msgs, fmt.Sprintf("Value '[%s]' at %s failed to satisfy constraint: Member must have length less than or equal to 50", strings.Join(f.Values, ", "), at("values")))
		}
		for _, v := range f.Values {
			if n := utf8.RuneCountInString(v); n < 1 || n > 1024 {
				msgs = append(msgs, fmt.Sprintf("Value '[%s]' at %s failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 1024, Member must have length greater than or equal to 1]", strings.Join(f.Values, ", "), at("values")))
				break
			}
		}
	}
	switch len(msgs) {
	case 0:
		return nil
	case 1:
		return validation("1 validation error detected: " + msgs[0])
	}
	return validation(fmt.Sprintf("%d validation errors detected: %s", len(msgs), strings.Join(msgs, "; ")))
}

// checkDescribeFilters checks DescribeParameters' filters (docs/aws-behaviour.md §2.6): the
// structure first, then the meaning, the first failure winning.
func checkDescribeFilters(legacy []types.ParametersFilter, fs []types.ParameterStringFilter) ([]describeFilter, error) {
	if len(legacy) > 0 && len(fs) > 0 {
		return nil, validation("You can use either Filters or ParameterFilters in a single request.")
	}
	var out []describeFilter
	for _, f := range legacy {
		// The legacy filters: keys Name, Type, KeyId; values compared for
		// equality (D).
		k := string(f.Key)
		if k != "Name" && k != "Type" && k != "KeyId" {
			return nil, validation(fmt.Sprintf("1 validation error detected: Value '%s' at 'filters.1.member.key' failed to satisfy constraint: Member must satisfy enum value set: [Name, Type, KeyId]", k))
		}
		out = append(out, describeFilter{key: k, option: "Equals", values: slices.Clone(f.Values)})
	}
	if err := checkStructure(fs); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, f := range fs {
		k, opt := aws.ToString(f.Key), aws.ToString(f.Option)
		if k == "Label" {
			return nil, errInvalidFilterKey()
		}
		if len(f.Values) == 0 && !strings.HasPrefix(k, "tag:") {
			return nil, errFilterValuesMissing(k)
		}
		if seen[k] {
			return nil, errInvalidFilterKey()
		}
		seen[k] = true
		df := describeFilter{key: k, option: opt, values: slices.Clone(f.Values)}
		switch k {
		case "Path":
			if opt == "" {
				df.option = "OneLevel"
			} else if opt != "OneLevel" && opt != "Recursive" {
				return nil, errFilterOption(opt, "Recursive", "OneLevel")
			}
			for i, v := range f.Values {
				lower := strings.ToLower(strings.TrimPrefix(v, "/"))
				if strings.HasPrefix(lower, "aws") || strings.HasPrefix(lower, "ssm") {
					return nil, validation(`Filters for common parameters can't be prefixed with "aws" or "ssm" (case-insensitive). When using global parameters, please specify within a global namespace.`)
				}
				p, err := pathPrefix(v)
				if err != nil {
					return nil, err
				}
				df.values[i] = p
			}
		default:
			if opt == "" {
				df.option = "Equals"
			}
			valid := []string{"BeginsWith", "Equals"}
			if k == "Name" {
				valid = append(valid, "Contains")
			}
			if !slices.Contains(valid, df.option) {
				return nil, errFilterOption(opt, valid...)
			}
		}
		switch k {
		case "Tier":
			for _, v := range f.Values {
				if !slices.Contains(types.ParameterTier("").Values(), types.ParameterTier(v)) {
					return nil, errFilterValue(v, "Standard", "Advanced", "Intelligent-Tiering")
				}
			}
		case "Type":
			for _, v := range f.Values {
				if !slices.Contains(types.ParameterTypeString.Values(), types.ParameterType(v)) {
					return nil, errFilterValue(v, "String", "StringList", "SecureString")
				}
			}
		}
		out = append(out, df)
	}
	return out, nil
}

// slashed gives a name a leading slash, so that x and /x compare alike
// (docs/aws-behaviour.md §2.6, M).
func slashed(s string) string { return "/" + strings.TrimPrefix(s, "/") }

// containsSlashed reports whether slashed(name) contains want, without
// making slashed(name).
func containsSlashed(name, want string) bool {
	if strings.Contains(name, want) {
		return true
	}
	return !strings.HasPrefix(name, "/") && strings.HasPrefix(want, "/") && strings.HasPrefix(name, want[1:])
}

// match reports whether p passes every filter (AND), each of which passes
// when one of its values does (OR) (docs/aws-behaviour.md §2.6).
func match(p *param, fs []describeFilter) bool {
	v := p.latest()
	for _, f := range fs {
		ok := false
		switch {
		case f.key == "Path":
			ok = underPath(p.name, f.values, f.option == "Recursive")
		case strings.HasPrefix(f.key, "tag:"):
			tk := f.key[len("tag:"):]
			i := slices.IndexFunc(p.tags, func(t types.Tag) bool { return *t.Key == tk })
			ok = i >= 0 && (len(f.values) == 0 || matchOpt(*p.tags[i].Value, f.values, f.option))
		case f.key == "Name":
			for _, want := range f.values {
				switch f.option {
				case "Contains":
					// Names compare with a leading slash, as for Equals and
					// BeginsWith: "/tan" matches /tangent and tangram, not
					// standby (docs/aws-behaviour.md §2.6; moto PR 3189,
					// from AWS's answers).
					ok = containsSlashed(p.name, want)
				case "BeginsWith":
					ok = strings.HasPrefix(slashed(p.name), slashed(want))
				default:
					ok = slashed(p.name) == slashed(want)
				}
				if ok {
					break
				}
			}
		case f.key == "Type":
			ok = matchOpt(string(v.typ), f.values, f.option)
		case f.key == "KeyId":
			ok = v.keyID != "" && matchOpt(v.keyID, f.values, f.option)
		case f.key == "Tier":
			ok = matchOpt(string(v.tier), f.values, f.option)
		case f.key == "DataType":
			ok = matchOpt(v.dataType, f.values, f.option)
		}
		if !ok {
			return false
		}
	}
	return true
}

func matchOpt(got string, values []string, option string) bool {
	return matchValue(got, values, option == "BeginsWith")
}

// underPath reports whether name is under one of the path prefixes, one
// level down or (recursive) any depth.
func underPath(name string, prefixes []string, recursive bool) bool {
	for _, pre := range prefixes {
		var rel string
		switch {
		case pre == "/":
			rel = strings.TrimPrefix(name, "/")
		case strings.HasPrefix(name, pre):
			rel = name[len(pre):]
		default:
			continue
		}
		if recursive || !strings.Contains(rel, "/") {
			return true
		}
	}
	return false
}

// ranges returns the name prefixes the matching parameters must lie in,
// sorted and disjoint, or nil for the whole index: the values of an Equals
// or BeginsWith Name filter (both spellings: /x and x), else the prefixes of
// a Path filter.
func ranges(fs []describeFilter) []string {
	var pre []string
	for _, f := range fs {
		if f.key == "Name" && (f.option == "Equals" || f.option == "BeginsWith") {
			for _, v := range f.values {
				pre = append(pre, slashed(v), strings.TrimPrefix(v, "/"))
			}
			return disjoint(pre)
		}
	}
	for _, f := range fs {
		if f.key == "Path" {
			for _, v := range f.values {
				if v == "/" {
					return nil
				}
				pre = append(pre, v)
			}
			return disjoint(pre)
		}
	}
	return nil
}

// disjoint sorts prefixes and drops those another one covers; an empty
// prefix covers everything (nil).
func disjoint(pre []string) []string {
	sort.Strings(pre)
	var out []string
	for _, p := range pre {
		if p == "" {
			return nil
		}
		if len(out) > 0 && strings.HasPrefix(p, out[len(out)-1]) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// DescribeParameters lists parameter metadata (no values; docs/aws-behaviour.md §2.6), sorted
// by name (byte order). With a Name filter (Equals or BeginsWith) or a Path
// filter it seeks to the matching ranges of the index instead of walking
// all of it, and it looks at no more than scanLimit names per page.
// References never appear (S): they are not stored.
func (s *State) DescribeParameters(env core.Env, in *ssm.DescribeParametersInput) (*ssm.DescribeParametersOutput, error) {
	max := int32(describeDefault)
	if in.MaxResults != nil {
		if *in.MaxResults < 1 || *in.MaxResults > 50 {
			return nil, errMaxResults50(*in.MaxResults)
		}
		max = *in.MaxResults
	}
	fs, err := checkDescribeFilters(in.Filters, in.ParameterFilters)
	if err != nil {
		return nil, err
	}
	last, resume, err := decodeToken(tokenName, in.NextToken)
	if err != nil {
		return nil, err
	}
	rs := ranges(fs)
	if rs == nil {
		rs = []string{""}
	}
	out := &ssm.DescribeParametersOutput{Parameters: []types.ParameterMetadata{}}
	scanned := 0
	var lastSeen string
	for _, pre := range rs {
		at := s.index.seek(pre)
		if resume && last >= pre {
			at = s.index.seekAfter(last)
		}
		for {
			name, ok := s.index.at(at)
			if !ok || !strings.HasPrefix(name, pre) {
				break
			}
			if int32(len(out.Parameters)) == max || scanned == scanLimit {
				out.NextToken = aws.String(encodeToken(tokenName, lastSeen))
				return out, nil
			}
			scanned++
			lastSeen = name
			if p := s.params[key(name)]; match(p, fs) {
				out.Parameters = append(out.Parameters, s.metadata(p))
			}
			at = s.index.next(at)
		}
	}
	return out, nil
}

// metadata is p's ParameterMetadata (D): its latest version, without the
// value.
func (s *State) metadata(p *param) types.ParameterMetadata {
	v := p.latest()
	m := types.ParameterMetadata{
		Name:             aws.String(p.name),
		ARN:              aws.String(s.arn(p.name)),
		Type:             v.typ,
		LastModifiedDate: aws.Time(v.modified),
		LastModifiedUser: aws.String(v.user),
		Version:          v.version,
		Tier:             v.tier,
		Policies:         policies(v.policies),
		DataType:         aws.String(v.dataType),
	}
	if v.keyID != "" {
		m.KeyId = aws.String(v.keyID)
	}
	if v.description != "" {
		m.Description = aws.String(v.description)
	}
	if v.allowedPattern != "" {
		m.AllowedPattern = aws.String(v.allowedPattern)
	}
	return m
}

// policies describes a version's policies: one entry per element of the
// JSON array, with its text, its "Type" and the status Pending (the fake
// never runs a policy). A text that is not such an array describes as none.
func policies(text string) []types.ParameterInlinePolicy {
	out := []types.ParameterInlinePolicy{}
	if text == "" {
		return out
	}
	var raw []json.RawMessage
	if json.Unmarshal([]byte(text), &raw) != nil {
		return out
	}
	for _, r := range raw {
		var typ struct{ Type string }
		_ = json.Unmarshal(r, &typ)
		out = append(out, types.ParameterInlinePolicy{
			PolicyText: aws.String(string(r)), PolicyType: aws.String(typ.Type), PolicyStatus: aws.String("Pending"),
		})
	}
	return out
}
