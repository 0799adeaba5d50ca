package engine

import (
	"testing"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// IAM's evaluation: an explicit Deny wins, else an Allow is needed; actions
// match without regard to case, resources with it (IAM user guide, "Policy
// evaluation logic" and "IAM JSON policy elements: Action").
func TestPolicyEvaluate(t *testing.T) {
	t.Parallel()
	const param = "arn:aws:ssm:us-east-1:123456789012:parameter/app/x"
	allowApp := Statement{Effect: Allow, Action: []string{"ssm:Get*"}, Resource: []string{"arn:aws:ssm:*:*:parameter/app/*"}}
	for _, tc := range []struct {
		name                   string
		statements             []Statement
		action, resource       string
		wantDenied, wantExplic bool
	}{
		{"no statement: implicit deny", nil, "ssm:GetParameter", param, true, false},
		{"allowed by a wildcard action and resource", []Statement{allowApp}, "ssm:GetParameter", param, false, false},
		{"action without regard to case", []Statement{{Effect: Allow, Action: []string{"SSM:getparameter"}, Resource: []string{param}}}, "ssm:GetParameter", param, false, false},
		{"resource with regard to case", []Statement{{Effect: Allow, Action: []string{"*"}, Resource: []string{"arn:aws:ssm:us-east-1:123456789012:parameter/APP/x"}}}, "ssm:GetParameter", param, true, false},
		{"explicit deny wins over an allow", []Statement{allowApp, {Effect: Deny, Action: []string{"ssm:GetParameter"}, Resource: []string{"*"}}}, "ssm:GetParameter", param, true, true},
		{"a deny of another action does not refuse", []Statement{allowApp, {Effect: Deny, Action: []string{"ssm:PutParameter"}, Resource: []string{"*"}}}, "ssm:GetParameter", param, false, false},
		{"an allow of another resource does not allow", []Statement{allowApp}, "ssm:GetParameter", "arn:aws:ssm:us-east-1:123456789012:parameter/other", true, false},
	} {
		pol := &Policy{Statement: tc.statements}
		denied, explicit := pol.evaluate(core.Resource{Action: core.Op(tc.action), ARN: tc.resource, Shown: tc.resource})
		if denied != tc.wantDenied || explicit != tc.wantExplic {
			t.Errorf("%s: denied, explicit = %v, %v; want %v, %v", tc.name, denied, explicit, tc.wantDenied, tc.wantExplic)
		}
	}
}
