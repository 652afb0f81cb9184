// Calls the household benefits SOAP service.
const ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
export const login = "https://id.singpass.gov.sg/auth";

export function envelope(body: string): string {
  return `<soap:Envelope xmlns:soap="${ENVELOPE}"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}
export const person = "https://api.myinfo.gov.sg/com/v4/person";
