package paramstore

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// GetParameter declares Parameter Store's GetParameter.
var GetParameter = &op[ssm.GetParameterInput, ssm.GetParameterOutput]{
	Op:       action("GetParameter"),
	Validate: validateGetParameterInput,
	Resources: func(s *State, _ core.Env, in *ssm.GetParameterInput) []core.Resource {
		return s.readResources(aws.ToString(in.Name))
	},
	Alloc:   newParameterAnswer,
	RunInto: (*State).GetParameter,
	Logged:  core.LogInBlock[ParameterAnswer, ssm.GetParameterInput, ssm.GetParameterOutput](),
}

// GetParameters declares Parameter Store's GetParameters.
var GetParameters = &op[ssm.GetParametersInput, ssm.GetParametersOutput]{
	Op:       action("GetParameters"),
	Validate: validateGetParametersInput,
	Resources: func(s *State, _ core.Env, in *ssm.GetParametersInput) []core.Resource {
		return s.readResources(in.Names...)
	},
	Run: (*State).GetParameters,
}

// ciphertext is what a SecureString value reads as without WithDecryption.
// AWS returns the KMS ciphertext blob, base64-encoded: opaque, and
// different for every encryption. The fake returns base64 of a fixed
// 3-byte header (01 02 02, as KMS blobs begin) followed by the SHA-256 of
// the key ID, a zero byte and the value: opaque, the same for the same key
// and value, and it never reveals the value.
func ciphertext(keyID, value string) string {
	h := sha256.New()
	h.Write([]byte(keyID))
	h.Write([]byte{0})
	h.Write([]byte(value))
	b := append([]byte{1, 2, 2}, h.Sum(nil)...)
	return base64.StdEncoding.EncodeToString(b)
}

// shownValue is v's value as an answer shows it: SecureString values are
// ciphertext unless decrypt; WithDecryption does nothing to the other types
// (docs/aws-behaviour.md §2.4, D).
func shownValue(v *version, decrypt bool) string {
	if v.typ == types.ParameterTypeSecureString && !decrypt {
		return ciphertext(v.keyID, v.value)
	}
	return v.value
}

// toParameter is the answer for version v of p, read through sel (nil for
// none): Name as stored, without the selector; Selector ":<text>" (D).
func (s *State) toParameter(p *param, v *version, sel *selector, decrypt bool) types.Parameter {
	// One allocation holds every value the answer points to: fresh
	// pointers that share nothing with the Store.
	return s.fillParameter(new(paramValues), p, v, sel, decrypt)
}

// fillParameter is toParameter with the values held in h.
func (s *State) fillParameter(h *paramValues, p *param, v *version, sel *selector, decrypt bool) types.Parameter {
	*h = paramValues{
		name:     p.name,
		value:    shownValue(v, decrypt),
		arn:      p.arn,
		extra:    v.dataType,
		modified: v.modified,
	}
	out := types.Parameter{
		Name:             &h.name,
		Type:             v.typ,
		Value:            &h.value,
		Version:          v.version,
		LastModifiedDate: &h.modified,
		ARN:              &h.arn,
		DataType:         &h.extra,
	}
	if sel != nil {
		h.selector = ":" + sel.text
		out.Selector = &h.selector
	}
	if isPublic(p.name) {
		h.arn = s.publicARN(p.name)
	}
	return out
}

// paramValues holds the values a Parameter answer points to. extra is the
// DataType of a parameter's answer, the SourceResult of a reference's
// (which has no DataType): one field for both keeps the answer in the
// 224-byte size class.
type paramValues struct {
	name, value, arn, extra, selector string
	modified                          time.Time
}

// resolve finds the parameter and version a Get name asks for (docs/aws-behaviour.md §2.4):
// the latest version, version N for name:N, the labelled version for
// name:label.
func (s *State) resolve(raw string) (*param, *version, *selector, error) {
	name, sel, ok, err := s.parseGetName(raw)
	if err != nil {
		return nil, nil, nil, err
	}
	if !ok {
		return nil, nil, nil, errNotFound()
	}
	p := s.lookup(name)
	if p == nil && isPublic(name) {
		p = public().params[name]
	}
	if p == nil {
		return nil, nil, nil, errNotFound()
	}
	switch {
	case sel == nil:
		return p, p.latest(), nil, nil
	case sel.version > 0:
		v := p.find(sel.version)
		if v == nil {
			return nil, nil, nil, errVersionNotFound(sel.version, name)
		}
		return p, v, sel, nil
	default:
		v := p.findLabel(sel.label)
		if v == nil {
			// AWS's answer to a missing label is not known; moto answers
			// ParameterNotFound (docs/aws-behaviour.md §2.4, M), and so does the fake.
			return nil, nil, nil, errNotFound()
		}
		return p, v, sel, nil
	}
}

// ParameterAnswer is the memory of one GetParameter answer: the output, its
// Parameter and the values they point to, in one allocation made before the
// lock is taken (its declaration's Alloc).
type ParameterAnswer struct {
	out ssm.GetParameterOutput
	p   types.Parameter
	h   paramValues
}

// newParameterAnswer allocates a GetParameter answer.
func newParameterAnswer() any { return new(ParameterAnswer) }

// getParameter returns one parameter, or a Secrets Manager secret through a
// /aws/reference/secretsmanager/ name (docs/aws-behaviour.md §1, 2.4),
// answered in the ParameterAnswer answer holds.
func (s *State) GetParameter(env core.Env, in *ssm.GetParameterInput, answer any) (*ssm.GetParameterOutput, error) {
	a := answer.(*ParameterAnswer)
	raw := aws.ToString(in.Name)
	decrypt := aws.ToBool(in.WithDecryption)
	if isReference(trimName(raw)) {
		if !decrypt {
			return nil, errRefDecryption()
		}
		if err := s.getReference(env, trimName(raw), &a.p, &a.h); err != nil {
			return nil, err
		}
		a.out.Parameter = &a.p
		return &a.out, nil
	}
	p, v, sel, err := s.resolve(raw)
	if err != nil {
		return nil, err
	}
	a.p = s.fillParameter(&a.h, p, v, sel, decrypt)
	a.out.Parameter = &a.p
	return &a.out, nil
}

// maxGetNames is the most names GetParameters and DeleteParameters take (D, M).
const maxGetNames = 10

// errNamesCount is the model-validation text for a Names list of the wrong
// length (docs/aws-behaviour.md §2.4, M).
func errNamesCount(names []string) error {
	if len(names) == 0 {
		return validation("1 validation error detected: Value '[]' at 'names' failed to satisfy constraint: Member must have length greater than or equal to 1.")
	}
	return validation(fmt.Sprintf("1 validation error detected: Value '[%s]' at 'names' failed to satisfy constraint: Member must have length less than or equal to 10.", strings.Join(names, ", ")))
}

// GetParameters returns up to ten parameters (references included): the
// ones found sorted by Name ("The results for GetParameters requests are
// listed in alphabetical order", D: GetParametersInput.Names; the order
// asked among equal names), each name asked once; the others in
// InvalidParameters, in the order asked (docs/aws-behaviour.md §2.4). A reference without WithDecryption fails the
// whole call, before any lookup (docs/aws-behaviour.md §1.1).
func (s *State) GetParameters(env core.Env, in *ssm.GetParametersInput) (*ssm.GetParametersOutput, error) {
	if len(in.Names) < 1 || len(in.Names) > maxGetNames {
		return nil, errNamesCount(in.Names)
	}
	decrypt := aws.ToBool(in.WithDecryption)
	if !decrypt {
		for _, n := range in.Names {
			if isReference(trimName(n)) {
				return nil, errRefDecryption()
			}
		}
	}
	out := &ssm.GetParametersOutput{Parameters: []types.Parameter{}, InvalidParameters: []string{}}
	seen := map[string]bool{}
	for _, raw := range in.Names {
		if seen[raw] {
			continue
		}
		seen[raw] = true
		if isReference(trimName(raw)) {
			var p types.Parameter
			if err := s.getReference(env, trimName(raw), &p, new(paramValues)); err != nil {
				out.InvalidParameters = append(out.InvalidParameters, raw)
				continue
			}
			out.Parameters = append(out.Parameters, p)
			continue
		}
		p, v, sel, err := s.resolve(raw)
		if err != nil {
			out.InvalidParameters = append(out.InvalidParameters, raw)
			continue
		}
		out.Parameters = append(out.Parameters, s.toParameter(p, v, sel, decrypt))
	}
	slices.SortStableFunc(out.Parameters, func(a, b types.Parameter) int { return strings.Compare(*a.Name, *b.Name) })
	return out, nil
}
