package core

import "strings"

// Every ARN the fake writes or matches is built here, in the partition of
// its region (docs/aws-behaviour.md §5).

// partitions maps region name prefixes to their partitions, as the SDK's
// endpoint rules (partitions.json) match regions: the longest prefix that
// a region starts with wins; any other region is in "aws".
var partitions = [...]struct{ prefix, partition string }{
	{"us-gov-", "aws-us-gov"},
	{"us-isob-", "aws-iso-b"},
	{"us-isof-", "aws-iso-f"},
	{"us-iso-", "aws-iso"},
	{"eu-isoe-", "aws-iso-e"},
	{"eusc-", "aws-eusc"},
	{"cn-", "aws-cn"},
}

// Partition returns the AWS partition of region, as ARNs spell it.
func Partition(region string) string {
	for _, p := range partitions {
		if strings.HasPrefix(region, p.prefix) {
			return p.partition
		}
	}
	return "aws"
}

// ARN returns arn:<partition>:<service>:<region>:<account>:<resource>.
func ARN(service, region, account, resource string) string {
	return "arn:" + Partition(region) + ":" + service + ":" + region + ":" + account + ":" + resource
}

// ParameterARNPrefix is what every parameter's ARN in region and account
// starts with: arn:<partition>:ssm:<region>:<account>:parameter/. The
// parameter's name follows, without its leading slash.
func ParameterARNPrefix(region, account string) string {
	return ARN(PrefixSSM, region, account, "parameter/")
}

// ServiceSettingARN is the ARN of the Parameter Store service setting id
// ("/ssm/parameter-store/default-parameter-tier").
func ServiceSettingARN(region, account, id string) string {
	return ARN(PrefixSSM, region, account, "servicesetting"+id)
}

// SecretARN is the ARN of secret name with its six-character suffix.
func SecretARN(region, account, name, suffix string) string {
	return ARN(PrefixSM, region, account, "secret:"+name+"-"+suffix)
}

// IAMARN is the ARN of an IAM resource ("root", "user/ci") of account, in
// the partition of region (IAM ARNs name no region).
func IAMARN(region, account, resource string) string {
	return "arn:" + Partition(region) + ":iam::" + account + ":" + resource
}
