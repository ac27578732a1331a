"""Spanish translations of the interface, applied to locale/es by scripts/i18n/apply.py after makemessages."""

ES = {
    "Your phone number": "Tu número de teléfono",
    "Your ZIP code": "Tu código postal",
    "Street address": "Dirección",
    "Enter a 10-digit US phone number.": "Escribe un número de teléfono de EE. UU. de 10 dígitos.",
    "That is not a valid phone number.": "Ese número de teléfono no es válido.",
    "We can only call phone numbers in the US and its territories.":
        "Solo podemos llamar a números de EE. UU. y sus territorios.",
    "We cannot call premium-rate or shared-cost numbers.": "No podemos llamar a números de tarifa especial.",
    "We cannot call this number.": "No podemos llamar a este número.",
    "This action is not open for calls right now.": "Esta acción no está recibiendo llamadas ahora.",
    "This number has had several calls already. Please try later.":
        "Este número ya recibió varias llamadas. Inténtalo más tarde.",
    "Too many calls from your connection. Please try later.":
        "Demasiadas llamadas desde tu conexión. Inténtalo más tarde.",
    "Too many different phone numbers from your connection.":
        "Demasiados números de teléfono distintos desde tu conexión.",
    "So many people are calling right now that the lines are full. Please try again in a minute.":
        "Hay tanta gente llamando que las líneas están llenas. Inténtalo de nuevo en un minuto.",
    "Thank you for taking action.": "Gracias por actuar.",
    "Our demands are:": "Nuestras demandas son:",
    "Here is what you can say to each office:": "Esto es lo que puedes decir a cada oficina:",
    "Press 1 to be connected to the first office.": "Marca 1 para conectarte con la primera oficina.",
    "We did not hear a key press. We will hang up now; you can request another call from the action page. Goodbye.":
        "No escuchamos ninguna tecla. Vamos a colgar; puedes pedir otra llamada desde la página de la acción. Adiós.",
    "That was the last office. Thank you for making these calls! Please tell us how they went on the action page. "
    "Goodbye.":
        "Esa fue la última oficina. ¡Gracias por hacer estas llamadas! Cuéntanos cómo te fue en la página de la "
        "acción. Adiós.",
    "The House seat for your district is vacant, so we will skip it.":
        "El escaño de tu distrito en la Cámara está vacante, así que lo saltaremos.",
    "We do not have a working number for %(name)s, so we will skip them.":
        "No tenemos un número que funcione para %(name)s, así que lo saltaremos.",
    "Connecting you to the nearest district office of %(name)s.":
        "Te conectamos con la oficina de distrito más cercana de %(name)s.",
    "Connecting you to %(name)s. Press star at any time to move on to the next office.":
        "Te conectamos con %(name)s. Marca asterisco en cualquier momento para pasar a la siguiente oficina.",
    "The line was busy.": "La línea estaba ocupada.",
    "Nobody answered.": "Nadie contestó.",
    "Press 1 to try their nearest district office instead, or stay on the line for the next office.":
        "Marca 1 para intentar con su oficina de distrito más cercana, o quédate en la línea para la siguiente "
        "oficina.",
    "This action has ended. Thank you for calling.": "Esta acción terminó. Gracias por llamar.",
    "Thank you for calling.": "Gracias por llamar.",
    "Please enter your five digit ZIP code.": "Marca tu código postal de cinco dígitos.",
    "We did not get a ZIP code. Goodbye.": "No recibimos un código postal. Adiós.",
    "Your ZIP code is in more than one district.": "Tu código postal está en más de un distrito.",
    "a vacant seat": "un escaño vacante",
    "Press %(key)s for %(who)s.": "Marca %(key)s para %(who)s.",
    "Sorry, something went wrong with this call. Please try again from the action page.":
        "Lo sentimos, algo falló en esta llamada. Inténtalo de nuevo desde la página de la acción.",
    "Your name": "Tu nombre",
    "Your email": "Tu correo electrónico",
    "Your town or city": "Tu ciudad o pueblo",
    "Add a personal note (optional)": "Agrega una nota personal (opcional)",
    "Keep your personal note under %(n)s characters.": "Tu nota personal debe tener menos de %(n)s caracteres.",
    "Too many messages from you for now. Please try again later.":
        "Demasiados mensajes tuyos por ahora. Inténtalo más tarde.",
    "This action is not open right now.": "Esta acción no está abierta ahora.",
    "Enter your name.": "Escribe tu nombre.",
    "This campaign has no one to email for your ZIP code.":
        "Esta campaña no tiene a quién escribir para tu código postal.",
    "Confirm your email to send your messages": "Confirma tu correo para enviar tus mensajes",
    "Your messages for %(campaign)s": "Tus mensajes para %(campaign)s",
    "Organization (optional)": "Organización (opcional)",
    "Event title": "Título del evento",
    "Description": "Descripción",
    "This is an online event": "Es un evento en línea",
    "Link to join (online events)": "Enlace para unirse (eventos en línea)",
    "ICE office or detention center": "Oficina de ICE o centro de detención",
    "None: I'll give an address": "Ninguno: daré una dirección",
    "Address (if not at an ICE location)": "Dirección (si no es en un lugar de ICE)",
    "ZIP code of the place": "Código postal del lugar",
    "Date": "Fecha",
    "Starts": "Empieza",
    "Ends (optional)": "Termina (opcional)",
    "Time zone": "Zona horaria",
    "Capacity (optional)": "Cupo (opcional)",
    "Within": "A menos de",
    "%(n)s miles": "%(n)s millas",
    "We could not find ZIP code %(zip)s.": "No encontramos el código postal %(zip)s.",
    "Too many requests from your connection. Please try later.":
        "Demasiadas solicitudes desde tu conexión. Inténtalo más tarde.",
    "Pick a date and time in the future.": "Elige una fecha y hora en el futuro.",
    "The event must end after it starts.": "El evento debe terminar después de empezar.",
    "Choose an ICE location or give an address.": "Elige un lugar de ICE o escribe una dirección.",
    "Give the link people use to join online.": "Escribe el enlace para unirse en línea.",
    "This event is not taking RSVPs.": "Este evento no está recibiendo confirmaciones.",
    "This event has already happened.": "Este evento ya pasó.",
    "Sorry, this event is full.": "Lo sentimos, este evento está lleno.",
    "You have already RSVPed to this event with that email.": "Ya confirmaste tu asistencia con ese correo.",
    "Day of Action": "Jornada de Acción",
    "Skip to content": "Ir al contenido",
    "Language": "Idioma",
    "Change": "Cambiar",
    "Call me": "Llámame",
    "We will call you, read you the script, and connect you to each office in turn. Press star to move on to the "
    "next office.":
        "Te llamaremos, te leeremos el guion y te conectaremos con cada oficina, una por una. Marca asterisco para "
        "pasar a la siguiente oficina.",
    "Call me now": "Llámame ahora",
    "We use your number only to place this call. Standard call rates apply.":
        "Usamos tu número solo para hacer esta llamada. Se aplican las tarifas normales.",
    "We could not place your call": "No pudimos hacer tu llamada",
    "Back to the action": "Volver a la acción",
    "Your call": "Tu llamada",
    "Your call is queued. Many people are calling right now; we will ring you shortly.":
        "Tu llamada está en fila. Mucha gente está llamando ahora; te llamaremos en breve.",
    "We are calling you now. Pick up and press 1 to start.": "Te estamos llamando. Contesta y marca 1 para empezar.",
    "You are on the call.": "Estás en la llamada.",
    "Your call has ended. Thank you!": "Tu llamada terminó. ¡Gracias!",
    "Your call ended: %(status)s. You can request another call from the action page.":
        "Tu llamada terminó: %(status)s. Puedes pedir otra llamada desde la página de la acción.",
    "district office": "oficina de distrito",
    "Vacant seat %(seat)s": "Escaño vacante %(seat)s",
    "You said:": "Dijiste:",
    "How did it go?": "¿Cómo te fue?",
    "Report": "Contar",
    "Simulated call transcript": "Transcripción de la llamada simulada",
    "calls and": "llamadas y",
    "emails so far": "correos hasta ahora",
    "Our demands": "Nuestras demandas",
    "The action has ended": "La acción terminó",
    "Thank you to everyone who took part.": "Gracias a todas las personas que participaron.",
    "The action has not started yet": "La acción todavía no empieza",
    "It opens %(start)s. Come back then, or find a local action below.":
        "Abre el %(start)s. Vuelve entonces, o busca una acción local abajo.",
    "Take action": "Actúa",
    "Your street address": "Tu dirección",
    "Your ZIP code is split between congressional districts. Your address tells us which one is yours; we do not "
    "keep it.":
        "Tu código postal está dividido entre distritos del Congreso. Tu dirección nos dice cuál es el tuyo; no la "
        "guardamos.",
    "Update": "Actualizar",
    "Find my targets": "Buscar a quién contactar",
    "Until you add your address, every representative for your ZIP code is listed.":
        "Hasta que agregues tu dirección, mostramos a todos los representantes de tu código postal.",
    "Who you will contact": "A quién vas a contactar",
    "Dial yourself": "Marca tú",
    "Contact form": "Formulario de contacto",
    "What to say": "Qué decir",
    "The House seat %(seat)s is vacant; your senators and the other offices below still count.":
        "El escaño %(seat)s de la Cámara está vacante; tus senadores y las demás oficinas siguen contando.",
    "Schedule": "Programa",
    "Times in %(tz)s.": "Horas en %(tz)s.",
    "Your time in brackets.": "Tu hora entre paréntesis.",
    "Details": "Detalles",
    "Recording": "Grabación",
    "Spread the word": "Corre la voz",
    "Post on X": "Publicar en X",
    "Post on Bluesky": "Publicar en Bluesky",
    "Copy": "Copiar",
    "Digital toolkit": "Kit digital",
    "Local actions": "Acciones locales",
    "Join or host an action at an ICE field office or detention center near you.":
        "Únete u organiza una acción en una oficina de ICE o un centro de detención cerca de ti.",
    "Find a local action": "Busca una acción local",
    "Put this action on your site": "Pon esta acción en tu sitio",
    "Open the full action page": "Abrir la página completa de la acción",
    "Send the email": "Enviar el correo",
    "Preview the message (%(n)s office)": ("Ver el mensaje (%(n)s oficina)", "Ver los mensajes (%(n)s oficinas)"),
    "by email": "por correo",
    "through their web form (we show you how)": "por su formulario web (te mostramos cómo)",
    "We will email you a link to confirm your address before anything is sent.":
        "Te enviaremos un enlace para confirmar tu correo antes de enviar nada.",
    "Your messages": "Tus mensajes",
    "Check your inbox: we sent a confirmation link to %(email)s. Your messages are saved and go out as soon as you "
    "confirm.":
        "Revisa tu correo: enviamos un enlace de confirmación a %(email)s. Tus mensajes están guardados y saldrán en "
        "cuanto confirmes.",
    "These messages expired before they were confirmed.": "Estos mensajes vencieron antes de ser confirmados.",
    "Thank you! Here is where each message stands.": "¡Gracias! Así va cada mensaje.",
    "This office only takes messages through its web form. Copy your message, open the form, paste it, then tell us "
    "you sent it.":
        "Esta oficina solo recibe mensajes por su formulario web. Copia tu mensaje, abre el formulario, pégalo y "
        "luego avísanos que lo enviaste.",
    "Copy the message": "Copiar el mensaje",
    "Open their form": "Abrir su formulario",
    "I sent it": "Ya lo envié",
    "Confirm your email": "Confirma tu correo",
    "Send your message from %(email)s to %(n)s office?": ("¿Enviar tu mensaje desde %(email)s a %(n)s oficina?",
                                                          "¿Enviar tus mensajes desde %(email)s a %(n)s oficinas?"),
    "Confirm and send": "Confirmar y enviar",
    "This link has expired. Please start again from the action page.":
        "Este enlace venció. Empieza de nuevo desde la página de la acción.",
    "Already confirmed.": "Ya confirmado.",
    "See your messages": "Ver tus mensajes",
    "Hello %(name)s,": "Hola %(name)s:",
    "Please confirm your email address so we can send your messages:":
        "Confirma tu correo electrónico para que podamos enviar tus mensajes:",
    "If you did not ask for this, ignore this email and nothing will be sent.":
        "Si no pediste esto, ignora este correo y no se enviará nada.",
    "We could not send your message": "No pudimos enviar tu mensaje",
    "Thank you, %(name)s!": "¡Gracias, %(name)s!",
    "Your messages:": "Tus mensajes:",
    "sent by email": "enviado por correo",
    "send it through their web form": "envíalo por su formulario web",
    "Follow them here:": "Síguelos aquí:",
    "Online": "En línea",
    "%(miles)s miles away": "a %(miles)s millas",
    "Hosted by %(org)s": "Organiza %(org)s",
    "Add to calendar (.ics)": "Agregar al calendario (.ics)",
    "%(n)s of %(cap)s spots taken": "%(n)s de %(cap)s lugares ocupados",
    "You're going! We emailed you the details and a calendar invitation.":
        "¡Vas a ir! Te enviamos los detalles y una invitación de calendario.",
    "RSVP": "Confirmar asistencia",
    "I'll be there": "Ahí estaré",
    "All local actions": "Todas las acciones locales",
    "Join an action at an ICE field office or detention center near you, or host one.":
        "Únete a una acción en una oficina de ICE o un centro de detención cerca de ti, u organiza una.",
    "Host an action": "Organiza una acción",
    "Search": "Buscar",
    "Near you": "Cerca de ti",
    "No actions within that distance yet. Try a wider radius, or host one!":
        "Todavía no hay acciones a esa distancia. Prueba un radio mayor, ¡u organiza una!",
    "Online actions": "Acciones en línea",
    "None yet.": "Ninguna todavía.",
    "Organizers review new events before they are listed. We will email you when yours is approved.":
        "El equipo organizador revisa los eventos nuevos antes de publicarlos. Te escribiremos cuando aprueben el "
        "tuyo.",
    "ICE locations near you": "Lugares de ICE cerca de ti",
    "Submit for approval": "Enviar para aprobación",
    "Status": "Estado",
    "Public page": "Página pública",
    "Keep this page's link private: it shows who is coming.":
        "Mantén privado el enlace de esta página: muestra quién va a ir.",
    "%(n)s RSVP": ("%(n)s confirmación", "%(n)s confirmaciones"),
    "Name": "Nombre",
    "Email": "Correo",
    "ZIP": "Código postal",
    "Download RSVPs (CSV)": "Descargar confirmaciones (CSV)",
    "No campaign is running yet. Organizers can create one in the admin.":
        "Todavía no hay campañas. El equipo organizador puede crear una en la administración.",
    "Find your members of Congress": "Encuentra a tus representantes en el Congreso",
    "ZIP code": "Código postal",
    "Street address (your ZIP code is split between districts)":
        "Dirección (tu código postal está dividido entre distritos)",
    "Look up": "Buscar",
    "Members for ZIP %(zip)s": "Representantes para el código postal %(zip)s",
    "Your ZIP code lies in more than one district. Add your street address to narrow it down; until then every "
    "candidate is listed.":
        "Tu código postal está en más de un distrito. Agrega tu dirección para precisarlo; mientras tanto mostramos a "
        "todos.",
    "We could not place that address, so we used your ZIP code.":
        "No pudimos ubicar esa dirección, así que usamos tu código postal.",
    "The House seat %(seat)s is vacant.": "El escaño %(seat)s de la Cámara está vacante.",
    "Spoke to staff": "Hablé con el personal",
    "Left a voicemail": "Dejé un mensaje de voz",
    "Line busy": "Línea ocupada",
    "No answer": "Nadie contestó",
    "Something else": "Otra cosa",
    # Organizer pages
    "Call preview": "Vista previa de la llamada",
    "Call preview: %(title)s": "Vista previa de la llamada: %(title)s",
    "The exact call a supporter hears, played by the built-in simulator. Nobody is dialed.":
        "La llamada exacta que escucha una persona, reproducida por el simulador. No se marca a nadie.",
    "A supporter's ZIP code": "Código postal de una persona",
    "Preview": "Vista previa",
    "Dashboard: %(title)s": "Panel: %(title)s",
    "Action page": "Página de la acción",
    "Export contacts (CSV)": "Exportar contactos (CSV)",
    "call sessions started": "sesiones de llamada iniciadas",
    "supporters connected": "personas conectadas",
    "calls connected to targets": "llamadas conectadas con oficinas",
    "talk minutes": "minutos de conversación",
    "emails sent": "correos enviados",
    "delivered": "entregados",
    "bounced": "rebotados",
    "web-form sends reported": "envíos por formulario web",
    "unique supporters": "personas únicas",
    "Calls": "Llamadas",
    "Emails": "Correos",
    "Per minute": "Por minuto",
    "Calls and emails per minute": "Llamadas y correos por minuto",
    "calls connected": "llamadas conectadas",
    "emails": "correos",
    "Targets": "Oficinas",
    "Target": "Oficina",
    "Contacts": "Contactos",
    "Connected": "Conectadas",
    "Avg. s": "Prom. s",
    "Busy": "Ocupado",
    "Top states": "Estados principales",
    "Top districts": "Distritos principales",
    "Reported outcomes": "Resultados reportados",
    "Organize": "Organizar",
    "call preview": "vista previa de la llamada",
    "edit": "editar",
    "No campaigns yet.": "Todavía no hay campañas.",
    "Create one": "Crear una",
    "Local events to review": "Eventos locales por revisar",
    # Call states
    "Queued": "En fila",
    "Ringing": "Sonando",
    "In progress": "En curso",
    "Completed": "Completada",
    "Failed": "Falló",
    "Canceled": "Cancelada",
    "We called the supporter": "Llamamos a la persona",
    "Waiting": "En espera",
    "Dialing": "Marcando",
    "Skipped": "Saltada",
    "Your request could not be sent.": "No se pudo enviar tu solicitud.",
    'Send a JSON object: {"phone": ..., "zip": ...}.': 'Envía un objeto JSON: {"phone": ..., "zip": ...}.',
    "This field is required.": "Este campo es obligatorio.",
    "Some fields are missing.": "Faltan algunos campos.",
    "Placing the call": "Haciendo la llamada",
    "The supporter called in": "La persona llamó",
    "No campaign called %(slug)s.": "No hay ninguna campaña llamada %(slug)s.",
    "No such call.": "No existe esa llamada.",
    "Choose one": "Elige una opción",
    # Dashboard metrics
    "Call sessions started": "Sesiones de llamada iniciadas",
    "Supporters connected": "Personas conectadas",
    "Calls connected to targets": "Llamadas conectadas con oficinas",
    "Calls dialed to targets": "Llamadas marcadas a oficinas",
    "Talk seconds": "Segundos de conversación",
    "Emails sent": "Correos enviados",
    "Emails delivered": "Correos entregados",
    "Emails bounced": "Correos rebotados",
    "Web-form sends reported": "Envíos por formulario web",
    "Unique supporters": "Personas únicas",
    "Outcomes reported": "Resultados reportados",
    "Left voicemail": "Dejó un mensaje de voz",
    "Other outcome": "Otro resultado",
    "Calls connected": "Llamadas conectadas",
    "Emails and web forms": "Correos y formularios web",
    "Updated": "Actualizado",
    "no goal set": "sin meta",
    # Lookup
    "Enter a 5-digit ZIP code.": "Escribe un código postal de 5 dígitos.",
    "A ZIP code is 5 digits, like 10001.": "Un código postal tiene 5 dígitos, como 10001.",
    "We could not find ZIP code %(zip)s. PO-box-only ZIP codes have no district; try the ZIP code of your home "
    "address.":
        "No encontramos el código postal %(zip)s. Los códigos postales solo de apartados de correo no tienen "
        "distrito; prueba con el código postal de tu casa.",
    "That address is too long.": "Esa dirección es demasiado larga.",
    # Email form errors
    "Nothing was sent. Check your details and try again; what you wrote is still here.":
        "No se envió nada. Revisa tus datos e inténtalo de nuevo; lo que escribiste sigue aquí.",
    "Your message could not be sent.": "No se pudo enviar tu mensaje.",
    "Choose one of: %(codes)s.": "Elige uno de: %(codes)s.",
    "Some fields are missing or invalid.": "Faltan campos o no son válidos.",
    # Safety and privacy (issue 14)
    "Pick a date within the next two years.": "Elige una fecha dentro de los próximos dos años.",
    "The address contains characters we cannot read.": "La dirección contiene caracteres que no podemos leer.",
    "Too many lookups from your connection. Please try again in a minute.":
        "Demasiadas búsquedas desde tu conexión. Inténtalo de nuevo en un minuto.",
    "Sorry": "Lo sentimos",
    "Back to the start": "Volver al inicio",
}
