package paramstore

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// LabelParameterVersion declares Parameter Store's LabelParameterVersion.
var LabelParameterVersion = &op[ssm.LabelParameterVersionInput, ssm.LabelParameterVersionOutput]{
	Op:       action("LabelParameterVersion"),
	Write:    true,
	Validate: validateLabelParameterVersionInput,
	Resources: func(s *State, _ core.Env, in *ssm.LabelParameterVersionInput) []core.Resource {
		return s.namesResources(aws.ToString(in.Name))
	},
	Run: (*State).LabelParameterVersion,
}

// UnlabelParameterVersion declares Parameter Store's UnlabelParameterVersion.
var UnlabelParameterVersion = &op[ssm.UnlabelParameterVersionInput, ssm.UnlabelParameterVersionOutput]{
	Op:       action("UnlabelParameterVersion"),
	Write:    true,
	Validate: validateUnlabelParameterVersionInput,
	Resources: func(s *State, _ core.Env, in *ssm.UnlabelParameterVersionInput) []core.Resource {
		return s.namesResources(aws.ToString(in.Name))
	},
	Run: (*State).UnlabelParameterVersion,
}

// maxLabels is how many labels one version can carry (D).
const maxLabels = 10

// checkLabelList applies the model's constraints to a Labels list: 1–10
// labels of 1–100 characters (docs/aws-behaviour.md §2.7, M; D).
func checkLabelList(labels []string) error {
	if len(labels) < 1 || len(labels) > maxLabels {
		c := "Member must have length less than or equal to 10"
		if len(labels) < 1 {
			c = "Member must have length greater than or equal to 1"
		}
		return validation(fmt.Sprintf("1 validation error detected: Value '[%s]' at 'labels' failed to satisfy constraint: %s", strings.Join(labels, ", "), c))
	}
	for _, l := range labels {
		if n := utf8.RuneCountInString(l); n < 1 || n > 100 {
			return validation(fmt.Sprintf("1 validation error detected: Value '[%s]' at 'labels' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 100, Member must have length greater than or equal to 1]", strings.Join(labels, ", ")))
		}
	}
	return nil
}

// validLabel applies the label rules (D, docs/aws-behaviour.md §2.7): letters, digits, '.',
// '-' and '_'; not beginning with a digit, "aws" or "ssm" (the prefixes
// compared without regard to case).
func validLabel(l string) bool {
	if l == "" || l[0] >= '0' && l[0] <= '9' {
		return false
	}
	lower := strings.ToLower(l)
	if strings.HasPrefix(lower, "aws") || strings.HasPrefix(lower, "ssm") {
		return false
	}
	for i := 0; i < len(l); i++ {
		c := l[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// LabelParameterVersion attaches labels to a version (the latest when none
// is given). A label is unique in a parameter: attaching it moves it from
// another version. Labels that break the rules are not attached and come
// back in InvalidLabels. A version carries at most ten labels (docs/aws-behaviour.md §2.7).
func (s *State) LabelParameterVersion(env core.Env, in *ssm.LabelParameterVersionInput) (*ssm.LabelParameterVersionOutput, error) {
	if err := checkLabelList(in.Labels); err != nil {
		return nil, err
	}
	p, err := s.lookupPlain(aws.ToString(in.Name), true)
	if err != nil {
		return nil, err
	}
	v := p.latest()
	if in.ParameterVersion != nil {
		if v = p.find(*in.ParameterVersion); v == nil {
			return nil, errVersionNotFound(*in.ParameterVersion, trimName(aws.ToString(in.Name)))
		}
	}
	invalid := []string{}
	var add []string
	for _, l := range in.Labels {
		switch {
		case !validLabel(l):
			if !slices.Contains(invalid, l) {
				invalid = append(invalid, l)
			}
		case !slices.Contains(v.labels, l) && !slices.Contains(add, l):
			add = append(add, l)
		}
	}
	if len(v.labels)+len(add) > maxLabels {
		// moto's text without the CLI's prefix it repeats (docs/aws-behaviour.md §2.7; U).
		return nil, &types.ParameterVersionLabelLimitExceeded{Message: aws.String("A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.")}
	}
	for _, l := range add {
		if o := p.findLabel(l); o != nil {
			o.labels = slices.DeleteFunc(o.labels, func(x string) bool { return x == l })
		}
		v.labels = append(v.labels, l)
	}
	return &ssm.LabelParameterVersionOutput{InvalidLabels: invalid, ParameterVersion: v.version}, nil
}

// UnlabelParameterVersion removes labels from a version: the ones it
// carried come back in RemovedLabels, the others in InvalidLabels (docs/aws-behaviour.md §2.7).
func (s *State) UnlabelParameterVersion(env core.Env, in *ssm.UnlabelParameterVersionInput) (*ssm.UnlabelParameterVersionOutput, error) {
	if err := checkLabelList(in.Labels); err != nil {
		return nil, err
	}
	p, err := s.lookupPlain(aws.ToString(in.Name), true)
	if err != nil {
		return nil, err
	}
	n := aws.ToInt64(in.ParameterVersion)
	v := p.find(n)
	if v == nil {
		return nil, errVersionNotFound(n, trimName(aws.ToString(in.Name)))
	}
	out := &ssm.UnlabelParameterVersionOutput{RemovedLabels: []string{}, InvalidLabels: []string{}}
	for _, l := range in.Labels {
		switch {
		case slices.Contains(v.labels, l):
			v.labels = slices.DeleteFunc(v.labels, func(x string) bool { return x == l })
			out.RemovedLabels = append(out.RemovedLabels, l)
		case slices.Contains(out.RemovedLabels, l) || slices.Contains(out.InvalidLabels, l):
		default:
			out.InvalidLabels = append(out.InvalidLabels, l)
		}
	}
	return out, nil
}
