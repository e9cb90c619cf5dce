import { useParamLink } from './use-param-link';

/** A group's name, linking to its page in this one (`?group=<id>`). */
export function GroupLink({ id, name }: { id: string; name: string }) {
  const { href, follow } = useParamLink();
  const change = { group: id };
  return (
    <a className="groups-name" href={href(change)} onClick={(event) => follow(event, change)}>
      {name}
    </a>
  );
}
