package paramstore

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// DeleteParameter declares Parameter Store's DeleteParameter.
var DeleteParameter = &op[ssm.DeleteParameterInput, ssm.DeleteParameterOutput]{
	Op:       action("DeleteParameter"),
	Write:    true,
	Validate: validateDeleteParameterInput,
	Resources: func(s *State, _ core.Env, in *ssm.DeleteParameterInput) []core.Resource {
		return s.namesResources(aws.ToString(in.Name))
	},
	Run: (*State).DeleteParameter,
}

// DeleteParameters declares Parameter Store's DeleteParameters.
var DeleteParameters = &op[ssm.DeleteParametersInput, ssm.DeleteParametersOutput]{
	Op:       action("DeleteParameters"),
	Write:    true,
	Validate: validateDeleteParametersInput,
	Resources: func(s *State, _ core.Env, in *ssm.DeleteParametersInput) []core.Resource {
		return s.namesResources(in.Names...)
	},
	Run: (*State).DeleteParameters,
}

// remove drops p, its versions and its tags (docs/aws-behaviour.md §2.7, M).
func (s *State) remove(p *param) {
	delete(s.params, key(p.name))
	s.index.remove(p.name)
}

// DeleteParameter deletes a parameter with all its versions and tags. A
// missing parameter, or a reference, gives ParameterNotFound (docs/aws-behaviour.md §2.7, 1.1).
func (s *State) DeleteParameter(env core.Env, in *ssm.DeleteParameterInput) (*ssm.DeleteParameterOutput, error) {
	p, err := s.lookupPlain(aws.ToString(in.Name), false)
	if err != nil {
		return nil, err
	}
	s.remove(p)
	return &ssm.DeleteParameterOutput{}, nil
}

// DeleteParameters deletes up to ten parameters: the names deleted go to
// DeletedParameters, the others to InvalidParameters, each name once, in
// the order given; it is never an error otherwise (docs/aws-behaviour.md §2.7).
func (s *State) DeleteParameters(env core.Env, in *ssm.DeleteParametersInput) (*ssm.DeleteParametersOutput, error) {
	if len(in.Names) < 1 || len(in.Names) > maxGetNames {
		return nil, errNamesCount(in.Names)
	}
	out := &ssm.DeleteParametersOutput{DeletedParameters: []string{}, InvalidParameters: []string{}}
	seen := map[string]bool{}
	for _, n := range in.Names {
		if seen[n] {
			continue
		}
		seen[n] = true
		p, err := s.lookupPlain(n, false)
		if err != nil {
			out.InvalidParameters = append(out.InvalidParameters, n)
			continue
		}
		s.remove(p)
		out.DeletedParameters = append(out.DeletedParameters, n)
	}
	return out, nil
}
