// The accounts feature's shapes that handlers may name, so routes never import the db package.
export type { UserRoleView, UserView } from '@brobygger/db';
