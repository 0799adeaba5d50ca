package ssmfake

import "github.com/aws/aws-sdk-go-v2/service/ssm"

// The SDK's paginators and waiters take a *Client as they take an
// *ssm.Client.
var (
	_ ssm.GetParametersByPathAPIClient = (*Client)(nil)
	_ ssm.DescribeParametersAPIClient  = (*Client)(nil)
	_ ssm.GetParameterHistoryAPIClient = (*Client)(nil)
)
