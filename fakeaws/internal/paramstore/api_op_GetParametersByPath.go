package paramstore

import (
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// GetParametersByPath declares Parameter Store's GetParametersByPath.
var GetParametersByPath = &op[ssm.GetParametersByPathInput, ssm.GetParametersByPathOutput]{
	Op:       action("GetParametersByPath"),
	Validate: validateGetParametersByPathInput,
	Resources: func(s *State, _ core.Env, in *ssm.GetParametersByPathInput) []core.Resource {
		return s.pathResource(aws.ToString(in.Path))
	},
	Run: (*State).GetParametersByPath,
}

// scanLimit is the most parameters one page looks at. AWS, too, may answer
// fewer results than MaxResults, even none, with a NextToken (docs/aws-behaviour.md §2.6, O);
// the limit keeps a page's cost bounded when filters reject most of a large
// range.
const scanLimit = 1000

// errBadPath: a path that breaks the name rules (docs/aws-behaviour.md §2.6, M; seen from real
// AWS as well, O: aws-samples/resource-autotagger #1).
func errBadPath() error {
	return validation(`The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash "/". It can't be prefixed with "aws" or "ssm" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.`)
}

// pathPrefix checks a hierarchy path and returns the prefix its
// parameters' names start with ("/a/b" and "/a/b/" give "/a/b/"; "/" gives
// "/").
func pathPrefix(path string) (string, error) {
	path = trimName(path)
	if path == "" || path[0] != '/' || !validChars(path) || strings.Contains(path, "//") {
		return "", errBadPath()
	}
	if !strings.HasSuffix(path, "/") {
		path += "/"
	}
	return path, nil
}

// byPathFilter is a checked GetParametersByPath filter.
type byPathFilter struct {
	key        string
	beginsWith bool
	values     []string
}

// checkByPathFilters checks the filters GetParametersByPath allows: Type,
// KeyId and Label (D; Label only with Equals). Texts from docs/aws-behaviour.md §2.5 and 2.6
// (M) with the key lists corrected to what AWS allows here (U).
func checkByPathFilters(fs []types.ParameterStringFilter) ([]byPathFilter, error) {
	var out []byPathFilter
	seen := map[string]bool{}
	for _, f := range fs {
		k := aws.ToString(f.Key)
		switch k {
		case "Type", "KeyId", "Label":
		default:
			return nil, errInvalidFilterKey()
		}
		if seen[k] {
			return nil, errInvalidFilterKey()
		}
		seen[k] = true
		if len(f.Values) == 0 {
			return nil, errFilterValuesMissing(k)
		}
		opt := aws.ToString(f.Option)
		bf := byPathFilter{key: k, values: slices.Clone(f.Values)}
		switch {
		case opt == "" || opt == "Equals":
		case opt == "BeginsWith" && k != "Label":
			bf.beginsWith = true
		case k == "Label":
			return nil, errFilterOption(opt, "Equals")
		default:
			return nil, errFilterOption(opt, "BeginsWith", "Equals")
		}
		if k == "Type" {
			for _, v := range f.Values {
				if !slices.Contains(types.ParameterTypeString.Values(), types.ParameterType(v)) {
					return nil, errFilterValue(v, "String", "StringList", "SecureString")
				}
			}
		}
		out = append(out, bf)
	}
	return out, nil
}

// matchValue reports whether got equals (or begins with) one of values.
func matchValue(got string, values []string, beginsWith bool) bool {
	for _, v := range values {
		if got == v || beginsWith && strings.HasPrefix(got, v) {
			return true
		}
	}
	return false
}

// pick returns the version of p that the filters select (the labelled
// version when a Label filter is given, D; the latest otherwise), or nil.
func pick(p *param, fs []byPathFilter) *version {
	v := p.latest()
	for _, f := range fs {
		if f.key == "Label" {
			v = nil
			for _, l := range f.values {
				if v = p.findLabel(l); v != nil {
					break
				}
			}
			if v == nil {
				return nil
			}
		}
	}
	for _, f := range fs {
		switch f.key {
		case "Type":
			if !matchValue(string(v.typ), f.values, f.beginsWith) {
				return nil
			}
		case "KeyId":
			if v.keyID == "" || !matchValue(v.keyID, f.values, f.beginsWith) {
				return nil
			}
		}
	}
	return v
}

// GetParametersByPath lists the parameters under a path, sorted by name
// (byte order), one level deep or, with Recursive, all the way down (spec
// 2.5). It seeks to the path's range of the index, skips whole subtrees
// when not recursive, and looks at no more than scanLimit names per page.
// References are never listed (S): they are not stored.
func (s *State) GetParametersByPath(env core.Env, in *ssm.GetParametersByPathInput) (*ssm.GetParametersByPathOutput, error) {
	prefix, err := pathPrefix(aws.ToString(in.Path))
	if err != nil {
		return nil, err
	}
	max := int32(10)
	if in.MaxResults != nil {
		if *in.MaxResults < 1 || *in.MaxResults > 10 {
			return nil, errMaxResultsByPath(*in.MaxResults)
		}
		max = *in.MaxResults
	}
	fs, err := checkByPathFilters(in.ParameterFilters)
	if err != nil {
		return nil, err
	}
	last, resume, err := decodeToken(tokenName, in.NextToken)
	if err != nil {
		return nil, err
	}
	recursive, decrypt := aws.ToBool(in.Recursive), aws.ToBool(in.WithDecryption)
	root := prefix == "/"

	// The range: names starting with prefix (every name, for the root).
	start := prefix
	if root {
		start = ""
	}
	// Paths under the public tree list the tree (a Store's own names can
	// never be there, docs/aws-behaviour.md §2.8); other paths never list it.
	idx, params := &s.index, s.params
	if isPublic(prefix) || strings.HasPrefix(publicPrefix, prefix) && prefix != "/" {
		t := public()
		idx, params = &t.index, t.params
	}
	at := idx.seek(start)
	if resume {
		at = idx.seekAfter(last)
	}
	out := &ssm.GetParametersByPathOutput{Parameters: []types.Parameter{}}
	var lastSeen string
	for scanned := 0; ; {
		name, ok := idx.at(at)
		if !ok || !root && !strings.HasPrefix(name, prefix) {
			return out, nil
		}
		if int32(len(out.Parameters)) == max || scanned == scanLimit {
			out.NextToken = aws.String(encodeToken(tokenName, lastSeen))
			return out, nil
		}
		rel := strings.TrimPrefix(name, prefix)
		if root {
			rel = strings.TrimPrefix(name, "/")
		}
		if i := strings.IndexByte(rel, '/'); i >= 0 && !recursive {
			// A deeper name: skip its whole subtree ('0' follows '/').
			sub := name[:len(name)-len(rel)+i] + "0"
			at = idx.seek(sub)
			continue
		}
		scanned++
		lastSeen = name
		p := params[key(name)]
		if v := pick(p, fs); v != nil {
			out.Parameters = append(out.Parameters, s.toParameter(p, v, nil, decrypt))
		}
		at = idx.next(at)
	}
}
