// Named aliases of the generated schema types: the vocabulary a consumer imports.
import type { components, operations } from './generated/schema.js';

type Schemas = components['schemas'];

export type ShowJobListRequest = Schemas['ShowJobListRequest'];
export type ShowJobListResponse = Schemas['ShowJobListResponse'];
export type JobInfo = Schemas['JobInfo'];
export type ChildrenJobInfo = Schemas['ChildrenJobInfo'];
export type ResourceTag = Schemas['ResourceTag'];
export type ErrorBody = Schemas['ErrorBody'];
export type CreateTime = Schemas['CreateTime'];

export type Language = Schemas['Language'];
export type NoFilter = Schemas['NoFilter'];
export type DbUseType = Schemas['DbUseType'];
export type EngineType = Schemas['EngineType'];
export type NetType = Schemas['NetType'];
export type TaskStatus = Schemas['TaskStatus'];
export type JobDirection = Schemas['JobDirection'];
export type TaskType = Schemas['TaskType'];

/** The path parameters and headers of ShowJobList, as the spec declares them. */
export type ShowJobListParameters = operations['ShowJobList']['parameters'];

/** The query of iterateJobs()/listAllJobs(): a ShowJobListRequest whose paging the client drives. */
export type JobQuery = Omit<ShowJobListRequest, 'cur_page' | 'per_page'>;
