/**
 * Bodies a recording leaves out although they were there: a Content-Length with no body, a HAR `content.size` with
 * no text (har-reader.ts), and Azure CLI's stand-ins for bodies over 128 KB (Azure/azure-cli,
 * src/azure-cli-testsdk/azure/cli/testsdk/scenario_tests/recording_processors.py: LargeRequestBodyProcessor,
 * LargeResponseBodyProcessor). What is left out is not judged; an empty body the recording does show is.
 */
import type { RecordedHeaders, RecordedResponse } from "./recording.ts";

const OMITTED_REQUEST = "!!! The request body has been omitted from the recording";
const OMITTED_ANSWER = "!!! The response body has been omitted from the recording";

const announced = (headers: RecordedHeaders) => Number(headers["content-length"] ?? 0) > 0;

export function requestBodyLeftOut(body: string, headers: RecordedHeaders): boolean {
  return (body === "" && announced(headers)) || body.startsWith(OMITTED_REQUEST);
}

export function answerBodyLeftOut(response: RecordedResponse, body: string): boolean {
  return response.bodyLeftOut === true || (body === "" && announced(response.headers)) || body.startsWith(OMITTED_ANSWER);
}
