// Command smoke lists the tasks of a project through the generated Go SDK: the README's example,
// kept compiling here. Usage: DRS_MOCK_URL=http://127.0.0.1:4010 go run .
package main

import (
	"context"
	"fmt"
	"os"

	drs "github.com/drs-contract/sdk-go"
)

func main() {
	cfg := drs.NewConfiguration()
	cfg.Servers = drs.ServerConfigurations{{URL: os.Getenv("DRS_MOCK_URL")}}
	client := drs.NewAPIClient(cfg)
	ctx := context.WithValue(context.Background(), drs.ContextAPIKeys, map[string]drs.APIKey{"iamToken": {Key: os.Getenv("DRS_TOKEN")}})

	query := *drs.NewShowJobListRequest(1, 5, drs.DBUSETYPE_MIGRATION)
	query.SetStatus("") // "" means no filter (D1)
	page, res, err := client.TaskManagementAPI.ShowJobList(ctx, "054ba152d480d55b2f5dc0069e7ddef0").ShowJobListRequest(query).Execute()
	if err != nil {
		fmt.Fprintln(os.Stderr, "ShowJobList:", err)
		os.Exit(1)
	}
	fmt.Printf("%d: %d of %d tasks\n", res.StatusCode, len(page.Jobs), page.TotalRecord)
	for _, job := range page.Jobs {
		fmt.Printf("%s %s %s\n", job.Id, job.Status, job.JobDirection)
	}
}
