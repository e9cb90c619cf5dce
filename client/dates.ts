// One date arithmetic for the server and the dashboard (plain functions, no Node API).
export { addDays, daysBetween } from '../server/common/dates';
