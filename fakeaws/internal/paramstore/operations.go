package paramstore

import (
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// Operations are the Parameter Store operations the fake serves, each
// declared once in its api_op_<Operation>.go. The fake client (ssmfake) has
// one method for each, the wire routes to them by name, and the
// method-set test and the README's table are checked against this list.
var Operations = []core.Declared{
	AddTagsToResource, DeleteParameter, DeleteParameters, DeleteResourcePolicy,
	DescribeParameters, GetParameter, GetParameterHistory, GetParameters,
	GetParametersByPath, GetResourcePolicies, GetServiceSetting,
	LabelParameterVersion, ListTagsForResource, PutParameter, PutResourcePolicy,
	RemoveTagsFromResource, ResetServiceSetting, UnlabelParameterVersion,
	UpdateServiceSetting,
}

// op declares a Parameter Store operation named name.
type op[I, O any] = core.Operation[State, I, O]

// action is the IAM action of a Parameter Store operation.
func action(name string) core.Op { return core.Op(core.PrefixSSM + ":" + name) }

// getSecretValue is the action a reference to a secret also needs.
const getSecretValue = core.Op(core.PrefixSM + ":GetSecretValue")

// Access policies are matched against the resources an operation touches,
// resolved as the operation resolves its names (docs/aws-behaviour.md §6):
// spaces trimmed, an ARN of this account and region read as its name, a
// :version or :label selector dropped, a single-level name with or without
// its leading slash the same parameter. A reference to a secret
// (/aws/reference/secretsmanager/<id>[:<selector>]) read by GetParameter or
// GetParameters also needs secretsmanager:GetSecretValue on the secret, as
// AWS requires (D: "Referencing AWS Secrets Manager secrets from Parameter
// Store parameters").

// resourceName is the name raw stands for, as the operations resolve it:
// trimmed, an ARN of this account and region read as its name, without a
// selector. foreign is true for an ARN of elsewhere, which is returned
// trimmed and whole.
func (s *State) resourceName(raw string) (name string, foreign bool) {
	name, foreign = s.readName(raw)
	if foreign {
		return name, true
	}
	if isReference(name) {
		id, _, _ := refParts(name)
		return refPrefix + id, false
	}
	base, _, _ := strings.Cut(name, ":")
	return base, false
}

// nameResource is the resource of the parameter raw names.
func (s *State) nameResource(raw string) core.Resource {
	name, foreign := s.resourceName(raw)
	arn := name
	if !foreign {
		arn = s.arn(name)
	}
	return core.Resource{ARN: arn, Shown: arn}
}

// readResources are the resources of reading the parameters names: each
// parameter, and the secret a reference names.
func (s *State) readResources(names ...string) []core.Resource {
	out := make([]core.Resource, 0, len(names))
	for _, raw := range names {
		out = append(out, s.nameResource(raw))
		if name, _ := s.resourceName(raw); isReference(name) {
			// Parameter Store asks Secrets Manager for the secret by the ID
			// the reference holds, so a refusal names it so.
			id, _, _ := refParts(name)
			out = append(out, core.Resource{Action: getSecretValue, ARN: s.secrets.ResourceARN(id), Shown: id})
		}
	}
	return out
}

// namesResources are the resources of the parameters names.
func (s *State) namesResources(names ...string) []core.Resource {
	out := make([]core.Resource, 0, len(names))
	for _, raw := range names {
		out = append(out, s.nameResource(raw))
	}
	return out
}

// tagResources are the resources of a tag operation: the parameter, when
// the resource type is Parameter (the only one the fake serves).
func (s *State) tagResources(typ types.ResourceTypeForTagging, id *string) []core.Resource {
	if typ != types.ResourceTypeForTaggingParameter || id == nil {
		return []core.Resource{{ARN: "*", Shown: "*"}}
	}
	return s.namesResources(*id)
}

// pathResource is the resource of a hierarchy path: the ARN of the path
// itself.
func (s *State) pathResource(path string) []core.Resource {
	p := trimName(path)
	if p != "/" {
		p = strings.TrimSuffix(p, "/")
	}
	arn := s.arn(p)
	return []core.Resource{{ARN: arn, Shown: arn}}
}

// settingResource is the resource of a service setting.
func (s *State) settingResource(id *string) []core.Resource {
	raw := ""
	if id != nil {
		raw = *id
	}
	arn := raw
	if !strings.HasPrefix(raw, "arn:") {
		arn = core.ServiceSettingARN(s.region, s.account, raw)
	}
	return []core.Resource{{ARN: arn, Shown: arn}}
}

// policyResource is the resource of a resource policy's ResourceArn: the
// ARN of the parameter the operation finds for it (an ARN with a doubled
// slash finds the parameter of the single one), else the ARN as given.
func (s *State) policyResource(arn *string) []core.Resource {
	a := "*"
	if arn != nil {
		a = *arn
		if p, err := s.policyParam(a); err == nil {
			a = p.arn
		}
	}
	return []core.Resource{{ARN: a, Shown: a}}
}
