package paramstore

import (
	"slices"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// GetParameterHistory declares Parameter Store's GetParameterHistory.
var GetParameterHistory = &op[ssm.GetParameterHistoryInput, ssm.GetParameterHistoryOutput]{
	Op:       action("GetParameterHistory"),
	Validate: validateGetParameterHistoryInput,
	Resources: func(s *State, _ core.Env, in *ssm.GetParameterHistoryInput) []core.Resource {
		return s.namesResources(aws.ToString(in.Name))
	},
	Run: (*State).GetParameterHistory,
}

// lookupPlain finds the parameter a name of a changing or history
// operation names: no selector, no ARN (D: these take a name), and never a
// reference, which has no history, labels or deletion (docs/aws-behaviour.md §1.1, D).
// named picks the ParameterNotFound text: empty where real AWS is known to
// send none (delete; O), moto's "Parameter <name> not found." elsewhere.
func (s *State) lookupPlain(raw string, named bool) (*param, error) {
	name := trimName(raw)
	var p *param
	if !isReference(name) {
		p = s.lookup(name)
	}
	if p == nil {
		if named {
			return nil, errNotFoundNamed(name)
		}
		return nil, errNotFound()
	}
	return p, nil
}

// GetParameterHistory lists the retained versions of a parameter, oldest
// first, up to MaxResults (1–50, default 50) a page (docs/aws-behaviour.md §2.7). Name may
// be the parameter's ARN (D). The page
// token holds the last version number returned.
func (s *State) GetParameterHistory(env core.Env, in *ssm.GetParameterHistoryInput) (*ssm.GetParameterHistoryOutput, error) {
	max := int32(50)
	if in.MaxResults != nil {
		if *in.MaxResults < 1 || *in.MaxResults > 50 {
			return nil, errMaxResults50(*in.MaxResults)
		}
		max = *in.MaxResults
	}
	last, resume, err := decodeVersionToken(in.NextToken)
	if err != nil {
		return nil, err
	}
	// History takes a name or an ARN (D: GetParameterHistoryInput.Name).
	raw := trimName(aws.ToString(in.Name))
	if strings.HasPrefix(raw, "arn:") {
		if name, sel, ok, _ := s.parseGetName(raw); ok && sel == nil {
			raw = name
		}
	}
	p, err := s.lookupPlain(raw, true)
	if err != nil {
		return nil, err
	}
	decrypt := aws.ToBool(in.WithDecryption)
	i := 0
	if resume {
		i, _ = slices.BinarySearchFunc(p.versions, last+1, func(v *version, n int64) int {
			return int(v.version - n)
		})
	}
	out := &ssm.GetParameterHistoryOutput{Parameters: []types.ParameterHistory{}}
	for ; i < len(p.versions); i++ {
		if int32(len(out.Parameters)) == max {
			out.NextToken = aws.String(encodeToken(tokenVersion, strconv.FormatInt(p.versions[i-1].version, 10)))
			break
		}
		out.Parameters = append(out.Parameters, s.history(p, p.versions[i], decrypt))
	}
	return out, nil
}

// history is one entry of a parameter's history (D: ParameterHistory).
func (s *State) history(p *param, v *version, decrypt bool) types.ParameterHistory {
	h := types.ParameterHistory{
		Name:             aws.String(p.name),
		Type:             v.typ,
		LastModifiedDate: aws.Time(v.modified),
		LastModifiedUser: aws.String(v.user),
		Value:            aws.String(shownValue(v, decrypt)),
		Version:          v.version,
		Labels:           append([]string{}, v.labels...),
		Tier:             v.tier,
		Policies:         policies(v.policies),
		DataType:         aws.String(v.dataType),
	}
	if v.keyID != "" {
		h.KeyId = aws.String(v.keyID)
	}
	if v.description != "" {
		h.Description = aws.String(v.description)
	}
	if v.allowedPattern != "" {
		h.AllowedPattern = aws.String(v.allowedPattern)
	}
	return h
}
