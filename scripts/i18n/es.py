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
    "Activity": "Actividad",
    "Call queue": "Cola de llamadas",
    "supporters waiting for their call": "personas esperando su llamada",
    "wait (last 15 min)": "espera (últimos 15 min)",
    "calls placed": "llamadas realizadas",
    "per second (configured)": "por segundo (configurado)",
    "Calls and emails over time": "Llamadas y correos a lo largo del tiempo",
    "Chart range": "Periodo del gráfico",
    "Last hour": "Última hora",
    "Whole window": "Toda la jornada",
    "one bar per minute": "una barra por minuto",
    "one bar per %(n)s minutes": "una barra cada %(n)s minutos",
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
    # Partners: the embed inside a partner's iframe, and partner attribution (advocacy/embed, advocacy/partners).
    "This action could not be found.": "No encontramos esta acción.",
    "This form was sent from a page we do not recognize. Nothing was sent.":
        "Este formulario se envió desde una página que no reconocemos. No se envió nada.",
    "This form was open too long. Reload the page and try again; nothing was sent.":
        "Este formulario estuvo abierto demasiado tiempo. Vuelve a cargar la página e inténtalo de nuevo; no se "
        "envió nada.",
    "This form could not be checked. Reload the page and try again; nothing was sent.":
        "No pudimos verificar este formulario. Vuelve a cargar la página e inténtalo de nuevo; no se envió nada.",
    "We could not accept this form": "No pudimos aceptar este formulario",
    "Through %(partner)s: %(calls)s calls and %(emails)s emails":
        "A través de %(partner)s: %(calls)s llamadas y %(emails)s correos",
    "Confirmed already? Show where your messages stand": "¿Ya confirmaste? Mira cómo van tus mensajes",
    "Replace your-code with a short name for your organization (letters, digits, dashes): every call and email "
    "made through your page is credited to it. Add data-lang=es to the script tag for the Spanish version.":
        "Cambia your-code por un nombre corto de tu organización (letras, números, guiones): cada llamada y correo "
        "hecho desde tu página se le acredita. Agrega data-lang=es a la etiqueta script para la versión en español.",
    "Partners": "Organizaciones aliadas",
    "Partner code": "Código de la organización",
    "Call sessions": "Sesiones de llamada",
    "Email actions": "Acciones por correo",
    "no partner": "sin organización",
    "Nothing yet.": "Nada todavía.",
    # CWC, official web forms and honest delivery statuses (issue 17)
    "Web forms marked sent": "Formularios web marcados como enviados",
    "Delivered via CWC": "Entregados por CWC",
    "Web forms opened": "Formularios web abiertos",
    "Email actions submitted": "Acciones de correo enviadas",
    "title (Mr., Ms.…)": "tratamiento (Sr., Sra.…)",
    "first name": "nombre",
    "last name": "apellido",
    "full name": "nombre completo",
    "street address": "dirección",
    "address line 2": "segunda línea de dirección",
    "town or city": "ciudad o pueblo",
    "state": "estado",
    "ZIP+4": "código postal de 9 dígitos (ZIP+4)",
    "county": "condado",
    "email": "correo electrónico",
    "phone number": "número de teléfono",
    "topic": "tema",
    "subject": "asunto",
    "message": "mensaje",
    "a CAPTCHA": "un CAPTCHA",
    "Title": "Tratamiento",
    "Enter your street address: Congress needs it to deliver your message.":
        "Escribe tu dirección: el Congreso la necesita para entregar tu mensaje.",
    "Enter your town or city.": "Escribe tu ciudad o pueblo.",
    "delivered via CWC": "entregados por CWC",
    "web forms opened": "formularios web abiertos",
    "web forms marked sent": "formularios web marcados como enviados",
    "Waiting for you to confirm": "Esperando tu confirmación",
    "Sending": "Enviando",
    "Sent by email": "Enviado por correo electrónico",
    "Delivered through Congress's official system (CWC)": "Entregado por el sistema oficial del Congreso (CWC)",
    "Delivered by email": "Entregado por correo electrónico",
    "Not delivered": "No entregado",
    "To do: use their web form": "Pendiente: usa su formulario web",
    "Form opened": "Formulario abierto",
    "Marked sent": "Marcado como enviado",
    "Congress's official system delivers your message only with your street address and town, so the office knows "
    "you are a constituent.":
        "El sistema oficial del Congreso solo entrega tu mensaje con tu dirección y tu ciudad, para que la oficina "
        "sepa que eres de su distrito.",
    "through Congress's official system, with your note": "por el sistema oficial del Congreso, con tu nota",
    "This office only takes messages through its official web form. Copy your message, open the form, paste it, "
    "then tell us you sent it.":
        "Esta oficina solo recibe mensajes por su formulario web oficial. Copia tu mensaje, abre el formulario, "
        "pégalo y luego avísanos que lo enviaste.",
    "The form will ask for:": "El formulario te pedirá:",
    "Copied": "Copiado",
    "Where each of your messages went:": "Cómo fue cada uno de tus mensajes:",
    "delivered through Congress's official system (CWC)": "entregado por el sistema oficial del Congreso (CWC)",
    "you marked it sent through their web form": "marcaste que lo enviaste por su formulario web",
    "not sent yet: use their web form": "aún no enviado: usa su formulario web",
    "still being sent": "todavía se está enviando",
    "could not be delivered": "no se pudo entregar",
    "This office takes messages through Congress's official system, which this site is not connected to. Copy "
    "your message, open their website, find the contact page, paste it, then tell us you sent it.":
        "Esta oficina recibe mensajes por el sistema oficial del Congreso, al que este sitio no está conectado. "
        "Copia tu mensaje, abre su sitio web, busca la página de contacto, pégalo y luego avísanos que lo enviaste.",
    "Open their website": "Abrir su sitio web",
    # issue 18: district data per Congress, split ZIPs ranked, the switchboard for members without a phone
    "You will reach the Capitol switchboard. Ask the operator for the office of %(name)s.":
        "Te contestará la central telefónica del Capitolio. Pide al operador la oficina de %(name)s.",
    "Capitol switchboard: ask the operator for the office of %(name)s.":
        "Central telefónica del Capitolio: pide al operador la oficina de %(name)s.",
    "Most of ZIP %(zip)s is in %(seat)s; the candidates are listed from the largest part down.":
        "La mayor parte del código postal %(zip)s está en %(seat)s; los candidatos aparecen de la parte más grande "
        "a la más pequeña.",
    "The new district map for %(states)s is not loaded yet, so we cannot tell your House member from your ZIP "
    "code. Add your street address.":
        "El nuevo mapa de distritos de %(states)s aún no está cargado, así que no podemos saber quién te representa "
        "en la Cámara por tu código postal. Agrega tu dirección.",
    # issue 18: the organizer's pre-flight check page
    "Pre-flight check: %(title)s": "Verificación previa: %(title)s",
    "%(rows)s targets and seats for the %(congress)sth Congress; %(problems)s with problems.":
        "%(rows)s destinatarios y escaños del %(congress)s.º Congreso; %(problems)s con problemas.",
    "Show all": "Mostrar todo",
    "Show problems only": "Mostrar solo los problemas",
    "Dashboard": "Panel",
    "Campaign line": "Línea de la campaña",
    "Data source": "Fuente de los datos",
    "Data date": "Fecha de los datos",
    "Problems": "Problemas",
    "Pre-flight check": "Verificación previa",
    # --- ux (issue 19): reasons, office titles, events hosting, /organize/ ---
    "Your delegate in Congress": "Tu delegado/a en el Congreso",
    "Your resident commissioner in Congress": "Tu comisionado/a residente en el Congreso",
    "One of the House members for your ZIP code (add your address to narrow it down)":
        "Uno de los miembros de la Cámara para tu código postal (agrega tu dirección para saber cuál)",
    "Your representative in the House": "Tu representante en la Cámara",
    "One of your two senators": "Uno de tus dos senadores",
    "Your senator": "Tu senador/a",
    "An office this campaign asks everyone to contact": "Una oficina que esta campaña pide contactar a todos",
    "Senator": "Senador/a",
    "Representative": "Representante",
    "Delegate": "Delegado/a",
    "Resident Commissioner": "Comisionado/a residente",
    "Chair": "Presidencia",
    "Vice Chair": "Vicepresidencia",
    "Ranking Member": "Miembro de mayor rango de la minoría",
    "Member": "Miembro",
    "Speaker of the House": "Presidente/a de la Cámara de Representantes",
    "Majority Leader": "Líder de la mayoría",
    "Minority Leader": "Líder de la minoría",
    "Senate Majority Leader": "Líder de la mayoría del Senado",
    "Senate Minority Leader": "Líder de la minoría del Senado",
    "House Majority Leader": "Líder de la mayoría de la Cámara",
    "House Minority Leader": "Líder de la minoría de la Cámara",
    "Majority Whip": "Coordinador/a de la mayoría",
    "Minority Whip": "Coordinador/a de la minoría",
    "House Majority Whip": "Coordinador/a de la mayoría de la Cámara",
    "House Minority Whip": "Coordinador/a de la minoría de la Cámara",
    "Senate Majority Whip": "Coordinador/a de la mayoría del Senado",
    "Senate Minority Whip": "Coordinador/a de la minoría del Senado",
    "President pro tempore": "Presidente/a pro tempore del Senado",
    "%(seat)s of the %(committee)s": "%(seat)s del %(committee)s",
    "Try again": "Intentar de nuevo",
    "We could not place that address in a district, so every representative for your ZIP code is listed. Check "
    "the street and house number, or contact them all.":
        "No pudimos ubicar esa dirección en un distrito, así que mostramos a todos los representantes de tu código "
        "postal. Revisa la calle y el número, o contáctalos a todos.",
    "Call them": "Llámalos",
    "Email them": "Escríbeles",
    "%(place)s · %(miles)s mi · %(address)s": "%(place)s · %(miles)s millas · %(address)s",
    "Message to everyone coming": "Mensaje para todas las personas que vienen",
    "A note for the people coming (optional)": "Una nota para quienes iban a venir (opcional)",
    "This event is cancelled and can no longer be changed.": "Este evento está cancelado y ya no se puede cambiar.",
    "%(n)s people are already coming: the capacity cannot be lower.":
        "Ya vienen %(n)s personas: la capacidad no puede ser menor.",
    "Write a message first.": "Escribe un mensaje primero.",
    "Only a listed event can message its attendees.": "Solo un evento publicado puede escribir a sus asistentes.",
    "Nobody has RSVPed yet.": "Nadie se ha apuntado todavía.",
    "Your changes are saved.": "Tus cambios están guardados.",
    "The event is cancelled. Everyone who RSVPed will get an email.":
        "El evento está cancelado. Todas las personas apuntadas recibirán un correo.",
    "Your message is on its way to everyone coming.": "Tu mensaje va en camino a todas las personas que vienen.",
    "Waiting for approval": "Esperando aprobación",
    "Approved": "Aprobado",
    "Rejected": "Rechazado",
    "Cancelled": "Cancelado",
    "Your event was received: %(title)s": "Recibimos tu evento: %(title)s",
    "Your event is approved: %(title)s": "Tu evento está aprobado: %(title)s",
    "You're going: %(title)s": "Vas a ir: %(title)s",
    "A message from the host of %(title)s": "Un mensaje de quien organiza %(title)s",
    "Cancelled: %(title)s": "Cancelado: %(title)s",
    "Your event could not be sent.": "No se pudo enviar tu evento.",
    "Your RSVP could not be sent.": "No se pudo enviar tu confirmación.",
    "New campaign": "Nueva campaña",
    "Campaign": "Campaña",
    "Supporters": "Simpatizantes",
    "Events": "Eventos",
    "Pages": "Páginas",
    "unpublished": "sin publicar",
    "%(n)s to review": "%(n)s por revisar",
    "action page": "página de la acción",
    "Log out": "Cerrar sesión",
    "When:": "Cuándo:",
    "Where:": "Dónde:",
    "Full": "Lleno",
    "This event is cancelled.": "Este evento está cancelado.",
    "Map": "Mapa",
    "This event is full.": "Este evento está lleno.",
    "Find another local action": "Busca otra acción local",
    "\"%(title)s\" is approved and listed:": "«%(title)s» está aprobado y publicado:",
    "See who is coming, edit or cancel the event, and write to everyone coming:":
        "Mira quién viene, edita o cancela el evento y escribe a todas las personas que vienen:",
    "\"%(title)s\" on %(when)s is cancelled. Please do not go.":
        "«%(title)s» del %(when)s está cancelado. Por favor, no vayas.",
    "The host writes:": "Quien organiza escribe:",
    "Find another local action:": "Busca otra acción local:",
    "%(host)s, the host of \"%(title)s\", writes:": "%(host)s, quien organiza «%(title)s», escribe:",
    "Details:": "Detalles:",
    "Thank you for hosting \"%(title)s\". Organizers will review it shortly; we will email you when it is listed.":
        "Gracias por organizar «%(title)s». El equipo lo revisará pronto; te escribiremos cuando esté publicado.",
    "Your event's private page (edit, cancel, RSVP list):":
        "La página privada de tu evento (editar, cancelar, lista de asistentes):",
    "You're going to \"%(title)s\".": "Vas a ir a «%(title)s».",
    "The calendar invitation is attached. Details:": "La invitación de calendario va adjunta. Detalles:",
    "Your ZIP code, to list the ICE sites near you": "Tu código postal, para ver los sitios de ICE cerca de ti",
    "Show ICE sites near me": "Ver sitios de ICE cerca de mí",
    "Pick the ICE site (nearest first)": "Elige el sitio de ICE (el más cercano primero)",
    "Write to everyone coming": "Escribe a todas las personas que vienen",
    "Send the message": "Enviar el mensaje",
    "%(n)s message sent so far.": ("%(n)s mensaje enviado hasta ahora.", "%(n)s mensajes enviados hasta ahora."),
    "Edit the event": "Editar el evento",
    "Save changes": "Guardar cambios",
    "Cancel the event": "Cancelar el evento",
    "Everyone who RSVPed gets an email saying it is cancelled. This cannot be undone.":
        "Todas las personas apuntadas recibirán un correo diciendo que está cancelado. No se puede deshacer.",
    "Waiting for confirmation": "Esperando confirmación",
    "Sent": "Enviado",
    "Delivered": "Entregado",
    "Bounced": "Rebotado",
    "Marked as spam": "Marcado como spam",
    "Waiting for you to use the form": "Esperando a que uses el formulario",
    "Sent through the web form": "Enviado por el formulario web",
    # core: API errors
    "No such event.": "No existe ese evento.",
    "Not found.": "No se encontró.",
    "This Idempotency-Key was already used for a different submission.":
        "Esta Idempotency-Key ya se usó para otro envío.",
    "Too many lookups; try again shortly.": "Demasiadas búsquedas; inténtalo de nuevo en un momento.",
    "radius is a number of miles.": "radius es un número de millas.",
    "Not a number.": "No es un número.",
    "radius must be between 1 and 500 miles.": "radius debe estar entre 1 y 500 millas.",
    # core: error pages
    "Back to the start": "Volver al inicio",
    "Something went wrong on our side": "Algo salió mal de nuestro lado",
    "This step did not finish. It is not your fault, and we have been told about it.":
        "Este paso no terminó. No es tu culpa, y ya nos avisaron.",
    "If you were sending messages or asking for a call, check your email (or wait for our call) for a few minutes "
    "before trying again: it may already be on its way. Otherwise, go back and try again.":
        "Si estabas enviando mensajes o pidiendo una llamada, revisa tu correo (o espera nuestra llamada) unos "
        "minutos antes de intentarlo de nuevo: puede que ya esté en camino. Si no, vuelve atrás e inténtalo otra vez.",
    "We are busy for a moment": "Estamos ocupados por un momento",
    "Part of our system is briefly unavailable, so this step did not go through and nothing from it was saved.":
        "Una parte de nuestro sistema no está disponible por un momento, así que este paso no se completó y no se "
        "guardó nada.",
    "Please wait a minute, then go back and try again. Your calls and messages matter: thank you for not giving up.":
        "Espera un minuto, vuelve atrás e inténtalo de nuevo. Tus llamadas y mensajes importan: gracias por no "
        "rendirte.",
    "We are busy for a moment and nothing was saved. Please try again in a minute.":
        "Estamos ocupados por un momento y no se guardó nada. Inténtalo de nuevo en un minuto.",
    "Something went wrong on our side. If you were sending messages or asking for a call, check before trying "
    "again: it may already be on its way.":
        "Algo salió mal de nuestro lado. Si estabas enviando mensajes o pidiendo una llamada, revisa antes de "
        "intentarlo de nuevo: puede que ya esté en camino.",
    # calls: answering machines, idempotency, the queue
    "Hello, this is the call you asked for. We could not reach you, so nothing will be left here. You can ask for "
    "another call at any time. Goodbye.":
        "Hola, esta es la llamada que pediste. No pudimos comunicarnos contigo, así que no dejaremos nada aquí. "
        "Puedes pedir otra llamada cuando quieras. Adiós.",
    "This Idempotency-Key was already used for another request.":
        "Esta Idempotency-Key ya se usó para otra solicitud.",
    "Your call is queued: you are number %(position)s in line, about %(minutes)s minute until we call you.": (
        "Tu llamada está en espera: eres el número %(position)s en la fila; te llamaremos en unos %(minutes)s minuto.",
        "Tu llamada está en espera: eres el número %(position)s en la fila; te llamaremos en unos %(minutes)s "
        "minutos."),
    # Safety and privacy (issue 14)
    "Pick a date within the next two years.": "Elige una fecha dentro de los próximos dos años.",
    "The address contains characters we cannot read.": "La dirección contiene caracteres que no podemos leer.",
    "Too many lookups from your connection. Please try again in a minute.":
        "Demasiadas búsquedas desde tu conexión. Inténtalo de nuevo en un minuto.",
    "Sorry": "Lo sentimos",
    # The supporter's call and email journey (issue 19: uxcalls)
    "You will be connected to your senators, %(names)s, whichever you choose.":
        "Te conectaremos con tus senadores, %(names)s, elijas lo que elijas.",
    "Your first name (optional)": "Tu nombre (opcional)",
    "The script says it to each office (“my name is …”). Leave it empty to stay anonymous.":
        "El guion lo dice a cada oficina (“me llamo …”). Déjalo vacío si prefieres no darlo.",
    "Several numbers called from your connection today never answered, so we cannot call new numbers from it "
    "today. If you are at a phone bank, each caller must pick up and press 1.":
        "Varios números llamados hoy desde tu conexión nunca contestaron, así que hoy no podemos llamar a números "
        "nuevos desde ella. Si estás en un banco de llamadas, cada persona debe contestar y marcar 1.",
    "Choose one of the answers.": "Elige una de las respuestas.",
    "Next: %(name)s. %(reason)s.": "Ahora: %(name)s. %(reason)s.",
    "For this office, you can say:": "A esta oficina puedes decirle:",
    "How did it go with %(name)s?": "¿Cómo te fue con %(name)s?",
    "Done: what next?": "Listo: ¿y ahora qué?",
    "ZIP code %(zip)s is for PO boxes only: your senators for %(state)s are listed. Your House member needs your "
    "street address; add it above.":
        "El código postal %(zip)s es solo para apartados postales: aquí están tus senadores de %(state)s. Para "
        "saber quién te representa en la Cámara necesitamos tu dirección; agrégala arriba.",
    "Thank you!": "¡Gracias!",
    "You reached %(n)s office.": ("Llegaste a %(n)s oficina.", "Llegaste a %(n)s oficinas."),
    "Your message is on its way to %(n)s office.": ("Tu mensaje va en camino a %(n)s oficina.",
                                                    "Tus mensajes van en camino a %(n)s oficinas."),
    "One more step": "Un paso más",
    "Offices count emails too: send yours in a minute, it is already written.":
        "Las oficinas también cuentan los correos: envía el tuyo en un minuto, ya está escrito.",
    "A call counts most: we call you and connect you to each office in turn.":
        "Una llamada es lo que más cuenta: te llamamos y te conectamos con cada oficina, una por una.",
    "Send the email too": "Envía también el correo",
    "Call too": "Llama también",
    "%(miles)s mi away": "a %(miles)s millas",
    "No local action near you yet. Host one: we help you plan it.":
        "Todavía no hay una acción local cerca de ti. Organiza una: te ayudamos a planearla.",
    "Find or host a local action": "Busca u organiza una acción local",
    "Remind me": "Recuérdamelo",
    "Add “%(title)s” to my calendar": "Agregar “%(title)s” a mi calendario",
    # Pacing and scheduled call-backs (issues 15 and 19)
    "Scheduled for later": "Programada para más tarde",
    "When should we call you?": "¿Cuándo te llamamos?",
    "Now": "Ahora",
    "Times are Eastern time, when the offices are open.": "Las horas son del Este, cuando las oficinas están abiertas.",
    "Choose one of the times offered for your call.": "Elige una de las horas ofrecidas para tu llamada.",
    "Your call is already being placed, so it can no longer be moved.":
        "Tu llamada ya se está haciendo, así que ya no se puede cambiar.",
    "Call me later": "Llámame más tarde",
    "Call me then": "Llámame a esa hora",
    "There are no times left when the offices are open during this action.":
        "No quedan horas con las oficinas abiertas durante esta acción.",
    "Keep my place in line": "Mantener mi lugar en la fila",
    "Cancel my call": "Cancelar mi llamada",
    "Your call is cancelled. We will not call you.": "Tu llamada está cancelada. No te llamaremos.",
    "We will call you on %(when)s (Eastern time).": "Te llamaremos el %(when)s (hora del Este).",
    "This call is no longer scheduled, so it cannot be cancelled here.":
        "Esta llamada ya no está programada, así que no se puede cancelar aquí.",
    "The wait is long: call me later instead": "La espera es larga: llámame más tarde",
    "Changed your mind? Keep this link to cancel:": "¿Cambiaste de idea? Guarda este enlace para cancelar:",
    "call-backs scheduled": "llamadas programadas",
}
