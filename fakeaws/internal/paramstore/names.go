package paramstore

import (
	"strconv"
	"strings"
)

// maxLevels is the deepest hierarchy AWS allows (D: PutParameterInput.Name).
const maxLevels = 15

// maxNameWithARN is the longest name AWS allows, counting the ARN prefix
// arn:aws:ssm:<region>:<account>:parameter/ (D: PutParameterInput.Name).
const maxNameWithARN = 1011

// refPrefix starts every Secrets Manager reference (docs/aws-behaviour.md §1.1, S).
const refPrefix = "/aws/reference/secretsmanager/"

// key is the map key of a name: a single-level name is the same parameter
// with or without its leading slash (docs/aws-behaviour.md §2.2, D and MV), so its slash is
// dropped; a path keeps its own.
func key(name string) string {
	if len(name) > 1 && name[0] == '/' && strings.IndexByte(name[1:], '/') < 0 {
		return name[1:]
	}
	return name
}

// arn is a parameter's ARN: the prefix and the name without its leading
// slash (docs/aws-behaviour.md §2.4, M and O).
func (s *State) arn(name string) string {
	return s.arnPrefix + strings.TrimPrefix(name, "/")
}

// validChars reports whether name uses only a-zA-Z0-9_.- and / (D).
func validChars(name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == '_', c == '.', c == '-', c == '/':
		default:
			return false
		}
	}
	return true
}

// trimName removes the spaces AWS removes from either end of a name (D).
func trimName(name string) string { return strings.Trim(name, " ") }

// checkPutName validates a name for PutParameter (docs/aws-behaviour.md §2.2 and 2.8), in
// this order: reserved prefixes, characters, full qualification, empty
// sub-paths, depth, length.
func (s *State) checkPutName(name string) error {
	if name == "" {
		return errBadName()
	}
	bare := strings.TrimPrefix(name, "/")
	lower := strings.ToLower(bare)
	isPath := name[0] == '/' && strings.Contains(bare, "/")
	switch {
	case isPath && strings.HasPrefix(lower, "aws"):
		return errReservedPath(name)
	case isPath && strings.HasPrefix(lower, "ssm"):
		return errBadName() // the "ssm" text (docs/aws-behaviour.md §2.8)
	case !strings.Contains(bare, "/") && (strings.HasPrefix(lower, "aws") || strings.HasPrefix(lower, "ssm")):
		return errReservedShort()
	}
	if !validChars(name) {
		return errBadName()
	}
	if name[0] != '/' && strings.Contains(name, "/") {
		return errNotFullyQualified()
	}
	// name, not bare: a leading "//" is an empty first level.
	if bare == "" || strings.Contains(name, "//") || strings.HasSuffix(bare, "/") {
		return errBadName()
	}
	if strings.Count(bare, "/")+1 > maxLevels {
		return errHierarchy()
	}
	if limit := maxNameWithARN - len(s.arnPrefix); len(bare) > limit {
		return errNameTooLong(limit)
	}
	return nil
}

// readName reads a name as the operations that take one and the access
// check (resourceName) both read it, so that they agree on the parameter
// meant: spaces at either end removed, as AWS removes them (D:
// PutParameterInput.Name, "The service removes any spaces specified for the
// beginning or end of a parameter name"), and an ARN of this account and
// region read as its name, selector included. foreign is true for an ARN of
// elsewhere, returned trimmed and whole.
func (s *State) readName(raw string) (name string, foreign bool) {
	name = trimName(raw)
	if !strings.HasPrefix(name, "arn:") {
		return name, false
	}
	rest, ok := strings.CutPrefix(name, s.arnPrefix)
	if !ok {
		return name, true
	}
	if base, _, _ := strings.Cut(rest, ":"); strings.Contains(base, "/") {
		rest = "/" + rest
	}
	return rest, false
}

// selector is what follows the name in name:N or name:label (docs/aws-behaviour.md §2.4).
type selector struct {
	text    string // as given, without the colon
	version int64  // > 0 for name:N
	label   string // for name:label
}

// parseGetName splits a name given to a Get operation into the parameter's
// name and its selector. An ARN of this account and region stands for its
// name (D: GetParameterInput.Name; docs/aws-behaviour.md §2.2). ok is false when the name
// cannot name a parameter here (more than one colon, an empty selector, an
// ARN of elsewhere): AWS answers ParameterNotFound then (docs/aws-behaviour.md §2.4, M).
func (s *State) parseGetName(raw string) (name string, sel *selector, ok bool, err error) {
	name, foreign := s.readName(raw)
	if foreign {
		return name, nil, false, nil
	}
	base, text, has := strings.Cut(name, ":")
	if !validChars(base) || base == "" {
		return name, nil, false, errBadName()
	}
	if !has {
		return base, nil, true, nil
	}
	if text == "" || strings.Contains(text, ":") {
		return base, nil, false, nil
	}
	sel = &selector{text: text}
	if allDigits(text) {
		n, perr := strconv.ParseInt(text, 10, 64)
		if perr != nil || n < 1 {
			return base, nil, false, nil
		}
		sel.version = n
	} else {
		sel.label = text
	}
	return base, sel, true, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isReference reports whether name reads Secrets Manager (docs/aws-behaviour.md §1.1; the
// prefix is case-sensitive, M).
func isReference(name string) bool { return strings.HasPrefix(name, refPrefix) }
