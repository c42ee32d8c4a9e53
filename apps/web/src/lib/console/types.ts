// The console's REST bodies are the gateway's contract (@em/contracts/rest): named here as the
// components know them, never copied.
export type {
  CannedResponse as Canned,
  ConsoleUser,
  ConversationDetailResponse as Detail,
  ConversationListItem as ListItem,
  TurnMessage,
} from '@em/contracts/rest';
