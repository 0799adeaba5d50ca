package paramstore

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// AWS's public parameters under /aws/service/global-infrastructure/ (D:
// "Calling AWS service, Region, endpoint, AZ, and partition information
// with Parameter Store"): every Region and service, as a read-only tree.
// The tree is built once per process on first use and shared by every
// Store; nothing writes to it (writes to /aws/ are refused by the name
// rules, docs/aws-behaviour.md §2.8), and DescribeParameters never lists it.
const publicPrefix = "/aws/service/global-infrastructure/"

// publicModified is the LastModifiedDate of every public parameter (the
// real dates vary per parameter and are not known, U).
var publicModified = time.Date(2019, 4, 8, 18, 0, 0, 0, time.UTC)

// publicRegions are the Regions of the tree: name, long name, geolocation
// country and region (D: the regions/<region>/longName, geolocationCountry
// and geolocationRegion parameters).
var publicRegions = [][4]string{
	{"af-south-1", "Africa (Cape Town)", "ZA", "ZA-WC"},
	{"ap-east-1", "Asia Pacific (Hong Kong)", "HK", "HK-HK"},
	{"ap-northeast-1", "Asia Pacific (Tokyo)", "JP", "JP-13"},
	{"ap-northeast-2", "Asia Pacific (Seoul)", "KR", "KR-11"},
	{"ap-northeast-3", "Asia Pacific (Osaka)", "JP", "JP-27"},
	{"ap-south-1", "Asia Pacific (Mumbai)", "IN", "IN-MH"},
	{"ap-southeast-1", "Asia Pacific (Singapore)", "SG", "SG-01"},
	{"ap-southeast-2", "Asia Pacific (Sydney)", "AU", "AU-NSW"},
	{"ca-central-1", "Canada (Central)", "CA", "CA-QC"},
	{"eu-central-1", "Europe (Frankfurt)", "DE", "DE-HE"},
	{"eu-north-1", "Europe (Stockholm)", "SE", "SE-AB"},
	{"eu-south-1", "Europe (Milan)", "IT", "IT-MI"},
	{"eu-west-1", "Europe (Ireland)", "IE", "IE-D"},
	{"eu-west-2", "Europe (London)", "GB", "GB-ENG"},
	{"eu-west-3", "Europe (Paris)", "FR", "FR-IDF"},
	{"me-south-1", "Middle East (Bahrain)", "BH", "BH-13"},
	{"sa-east-1", "South America (Sao Paulo)", "BR", "BR-SP"},
	{"us-east-1", "US East (N. Virginia)", "US", "US-VA"},
	{"us-east-2", "US East (Ohio)", "US", "US-OH"},
	{"us-west-1", "US West (N. California)", "US", "US-CA"},
	{"us-west-2", "US West (Oregon)", "US", "US-OR"},
}

// publicServices are the services of the tree, with their long names (D:
// services/<service>/longName); each is offered in every Region above.
var publicServices = [][2]string{
	{"cloudformation", "AWS CloudFormation"},
	{"dynamodb", "Amazon DynamoDB"},
	{"ec2", "Amazon Elastic Compute Cloud (EC2)"},
	{"ecs", "Amazon Elastic Container Service (ECS)"},
	{"iam", "AWS Identity and Access Management (IAM)"},
	{"kms", "AWS Key Management Service (KMS)"},
	{"lambda", "AWS Lambda"},
	{"s3", "Amazon Simple Storage Service (S3)"},
	{"secretsmanager", "AWS Secrets Manager"},
	{"sns", "Amazon Simple Notification Service (SNS)"},
	{"sqs", "Amazon Simple Queue Service (SQS)"},
	{"ssm", "AWS Systems Manager"},
	{"sts", "AWS Security Token Service (STS)"},
}

// publicTree is the tree: its names sorted in an index, its parameters by
// name (each a single String version 1).
type publicTree struct {
	index  index
	params map[string]*param
}

// public returns the tree, building it on first use.
var public = sync.OnceValue(func() *publicTree {
	values := map[string]string{}
	add := func(name, value string) { values[publicPrefix+name] = value }
	for _, r := range publicRegions {
		base := "regions/" + r[0]
		add(base, r[0])
		add(base+"/longName", r[1])
		add(base+"/partition", "aws")
		add(base+"/domain", "amazonaws.com")
		add(base+"/geolocationCountry", r[2])
		add(base+"/geolocationRegion", r[3])
		for _, s := range publicServices {
			add(base+"/services/"+s[0], s[0])
		}
	}
	for _, s := range publicServices {
		base := "services/" + s[0]
		add(base, s[0])
		add(base+"/longName", s[1])
		for _, r := range publicRegions {
			add(base+"/regions/"+r[0], r[0])
			add(base+"/regions/"+r[0]+"/endpoint", s[0]+"."+r[0]+".amazonaws.com")
		}
	}
	t := &publicTree{params: make(map[string]*param, len(values))}
	names := make([]string, 0, len(values))
	for name, value := range values {
		names = append(names, name)
		t.params[name] = &param{name: name, versions: []*version{{
			version: 1, typ: types.ParameterTypeString, value: value, dataType: "text",
			tier: types.ParameterTierStandard, modified: publicModified,
		}}}
	}
	slices.Sort(names)
	for _, n := range names {
		t.index.insert(n)
	}
	return t
})

// isPublic reports whether name is (or would be) a public parameter's name.
func isPublic(name string) bool { return strings.HasPrefix(name, publicPrefix) }

// publicARN is a public parameter's ARN: the region, no account (O: the
// ARNs AWS answers for /aws/service/ parameters).
func (s *State) publicARN(name string) string {
	return core.ARN(core.PrefixSSM, s.region, "", "parameter"+name)
}
