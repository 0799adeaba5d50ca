package core

import "testing"

func TestPartition(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ region, want string }{
		{"us-east-1", "aws"},
		{"cn-north-1", "aws-cn"},
		{"cn-northwest-1", "aws-cn"},
		{"us-gov-west-1", "aws-us-gov"},
		{"us-iso-east-1", "aws-iso"},
		{"us-isob-east-1", "aws-iso-b"},
		{"us-isof-south-1", "aws-iso-f"},
		{"eu-isoe-west-1", "aws-iso-e"},
		{"eusc-de-east-1", "aws-eusc"},
		{"xx-test-1", "aws"},
	} {
		t.Run(tt.region, func(t *testing.T) {
			t.Parallel()
			if got := Partition(tt.region); got != tt.want {
				t.Errorf("Partition(%q) = %q, want %q", tt.region, got, tt.want)
			}
		})
	}
}
